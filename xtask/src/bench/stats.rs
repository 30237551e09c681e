//! How sure a figure is: intervals from a cell's repeats, and the rule
//! that decides whether a difference is a finding or noise.
//!
//! Every figure of the matrix is a median of a few repeats (3 with
//! `--quick`), and every comparison is a ratio of two such medians
//! (a speed-up, a cost against python3 or gil-new). A ratio alone cannot
//! tell a finding from noise: on a shared 2-vCPU machine one cell's
//! repeats can spread ±20%. So each figure carries an interval:
//!
//! * **A cell's median**: the percentile-bootstrap 95% interval of the
//!   median of its samples (criterion's method: resample with
//!   replacement, take the statistic, keep the 2.5th and 97.5th
//!   percentiles of [`RESAMPLES`] resamples). With 3 to 5 samples it is
//!   the samples' full range (min–max), the range hyperfine prints.
//! * **A ratio of two cells** ([`ratio_interval`]): the same bootstrap,
//!   resampling both cells independently and taking the ratio of the two
//!   medians. With 3 samples each it is `[min A / max B, max A / min B]`:
//!   every pairing of one run of A with one run of B lies inside it.
//! * **A geometric mean of ratios** ([`geomean_interval`]): resampling
//!   every cell of every pair at once, so the interval narrows as more
//!   benchmarks agree.
//!
//! The resampling is seeded (xorshift64*): the same samples always give
//! the same interval, so re-rendering a report never changes it.
//!
//! **The rule** ([`Claim::judge`]): a ratio is a *finding* — "faster",
//! "slower", a speed-up — only when (1) its interval excludes 1.0 and (2)
//! the ratio itself differs from 1.0 by more than the run's *noise floor*
//! ([`noise_floor`]: the typical half-spread of one cell's repeats in
//! this run, at least [`MIN_FLOOR`]) times √2 ([`ratio_floor`]: a ratio
//! divides two cells that each wobble that much). Condition (1) alone is what a
//! 95% interval promises only with many samples: with 3 against 3, two
//! cells measuring the same thing still fall apart in 1 run of 10, and a
//! report with 30 comparisons would then state three findings that the
//! next run contradicts. Condition (2) keeps a difference smaller than
//! the machine's own wobble from ever being a headline, however its few
//! samples fell. Anything else is stated as "within noise (±x%)", with x
//! the interval's half-width.

/// Bootstrap resamples per interval.
pub const RESAMPLES: usize = 2000;

/// The smallest noise floor: below a 3% difference nothing is a finding,
/// even on a quiet machine (the resolution the bench claims).
pub const MIN_FLOOR: f64 = 0.03;

/// A closed interval `[lo, hi]`, serialised as a two-element array.
pub type Interval = [f64; 2];

/// The median of `v` (the mean of the middle two for an even count).
pub fn median(v: &[f64]) -> Option<f64> {
    if v.is_empty() {
        return None;
    }
    let mut s = v.to_vec();
    s.sort_by(f64::total_cmp);
    Some(sorted_median(&s))
}

fn sorted_median(s: &[f64]) -> f64 {
    let n = s.len();
    if n % 2 == 1 {
        s[n / 2]
    } else {
        (s[n / 2 - 1] + s[n / 2]) / 2.0
    }
}

/// A small seeded generator (xorshift64*): reproducible resamples.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11) as usize % n
    }
}

/// The median of one resample of `v` (with replacement), using `buf`.
fn resampled_median(v: &[f64], rng: &mut Rng, buf: &mut Vec<f64>) -> f64 {
    buf.clear();
    buf.extend((0..v.len()).map(|_| v[rng.below(v.len())]));
    buf.sort_by(f64::total_cmp);
    sorted_median(buf)
}

/// The 2.5th and 97.5th percentiles of `stats` (nearest rank).
fn percentile_interval(mut stats: Vec<f64>) -> Option<Interval> {
    stats.retain(|x| x.is_finite());
    if stats.is_empty() {
        return None;
    }
    stats.sort_by(f64::total_cmp);
    let at = |p: f64| {
        let rank = ((p * stats.len() as f64).ceil() as usize).clamp(1, stats.len());
        stats[rank - 1]
    };
    Some([at(0.025), at(0.975)])
}

/// A seed from the samples themselves, so that each interval has its own
/// resamples and the same samples always get the same ones.
fn seed(parts: &[&[f64]]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for x in *part {
            h = (h ^ x.to_bits()).wrapping_mul(0x0100_0000_01b3);
        }
        h = (h ^ 0xff).wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The bootstrap 95% interval of the median of `samples`; `None` with
/// fewer than 2 samples (one run says nothing about its spread).
pub fn median_interval(samples: &[f64]) -> Option<Interval> {
    if samples.len() < 2 {
        return None;
    }
    let mut rng = Rng::new(seed(&[samples]));
    let mut buf = Vec::with_capacity(samples.len());
    let stats = (0..RESAMPLES)
        .map(|_| resampled_median(samples, &mut rng, &mut buf))
        .collect();
    percentile_interval(stats)
}

/// The bootstrap 95% interval of `median(a) / median(b)`; `None` when
/// either side has fewer than 2 samples or a median is not positive.
pub fn ratio_interval(a: &[f64], b: &[f64]) -> Option<Interval> {
    geomean_interval(&[(a, b)])
}

/// The bootstrap 95% interval of the geometric mean of
/// `median(a_i) / median(b_i)` over `pairs`. Pairs where a side has fewer
/// than 2 samples are left out; `None` when none is left.
pub fn geomean_interval(pairs: &[(&[f64], &[f64])]) -> Option<Interval> {
    let pairs: Vec<(&[f64], &[f64])> = pairs
        .iter()
        .copied()
        .filter(|(a, b)| a.len() >= 2 && b.len() >= 2)
        .collect();
    if pairs.is_empty() {
        return None;
    }
    let parts: Vec<&[f64]> = pairs.iter().flat_map(|(a, b)| [*a, *b]).collect();
    let mut rng = Rng::new(seed(&parts));
    let mut buf = Vec::new();
    let stats = (0..RESAMPLES)
        .map(|_| {
            let logs: f64 = pairs
                .iter()
                .map(|(a, b)| {
                    let ma = resampled_median(a, &mut rng, &mut buf);
                    let mb = resampled_median(b, &mut rng, &mut buf);
                    (ma / mb).ln()
                })
                .sum();
            (logs / pairs.len() as f64).exp()
        })
        .collect();
    percentile_interval(stats)
}

/// The run's noise floor: the median, over every cell with at least two
/// samples, of its relative half-spread `(max − min) / (2 × median)`, and
/// never below [`MIN_FLOOR`]. `None` when no cell has two samples.
pub fn noise_floor<'a>(sample_sets: impl IntoIterator<Item = &'a [f64]>) -> Option<f64> {
    let spreads: Vec<f64> = sample_sets
        .into_iter()
        .filter(|s| s.len() >= 2)
        .filter_map(|s| {
            let m = median(s)?;
            let lo = s.iter().copied().fold(f64::INFINITY, f64::min);
            let hi = s.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            (m > 0.0).then(|| (hi - lo) / (2.0 * m))
        })
        .collect();
    median(&spreads).map(|m| m.max(MIN_FLOOR))
}

/// What a ratio says, by the rule of the module doc.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Claim {
    /// Decidedly above 1 (slower; for a speed-up: faster).
    Above,
    /// Decidedly below 1.
    Below,
    /// Inside the noise: `±half_width` (a fraction, 0.12 for ±12%).
    Noise {
        /// The interval's half-width relative to the ratio.
        half_width: f64,
    },
    /// Too few samples to say anything (one repeat).
    Unknown,
}

/// The least difference from 1 a ratio must show to be a finding: the
/// run's floor (one cell's typical half-spread, at least [`MIN_FLOOR`])
/// times √2, since a ratio divides two cells that each wobble by that much
/// and independent relative errors add in quadrature.
pub fn ratio_floor(floor: Option<f64>) -> f64 {
    floor.unwrap_or(MIN_FLOOR).max(MIN_FLOOR) * std::f64::consts::SQRT_2
}

impl Claim {
    /// Judges `ratio` with its interval against 1.0 and the noise floor.
    pub fn judge(ratio: f64, interval: Option<Interval>, floor: Option<f64>) -> Claim {
        let Some([lo, hi]) = interval else {
            return Claim::Unknown;
        };
        let floor = ratio_floor(floor);
        if lo > 1.0 && ratio > 1.0 + floor {
            Claim::Above
        } else if hi < 1.0 && ratio < 1.0 / (1.0 + floor) {
            Claim::Below
        } else {
            Claim::Noise {
                half_width: half_width(ratio, [lo, hi]),
            }
        }
    }

    /// Whether it is a finding.
    pub fn decided(self) -> bool {
        matches!(self, Claim::Above | Claim::Below)
    }
}

/// The interval's half-width relative to `value`: 0.12 for `1.0 [0.9–1.14]`.
pub fn half_width(value: f64, [lo, hi]: Interval) -> f64 {
    if value > 0.0 {
        (hi - lo) / 2.0 / value
    } else {
        f64::NAN
    }
}

/// `±12%`.
pub fn plus_minus(half_width: f64) -> String {
    format!("±{:.0}%", half_width * 100.0)
}

/// `[0.91–1.14]` with `digits` decimals.
pub fn bracket(i: Interval, digits: usize) -> String {
    format!("[{:.digits$}–{:.digits$}]", i[0], i[1])
}

/// How many repeats would shrink an interval of relative half-width
/// `half_width`, measured with `repeats` samples, to `target` (the
/// interval narrows as 1/√n), rounded up to at least `repeats + 2` and at
/// most 30.
pub fn repeats_to_decide(repeats: u32, half_width: f64, target: f64) -> u32 {
    if !(half_width.is_finite() && target > 0.0) {
        return 30;
    }
    let n = f64::from(repeats.max(1)) * (half_width / target).powi(2);
    (n.ceil() as u32).clamp(repeats + 2, 30)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians() {
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&[4.0, 1.0, 2.0, 3.0]), Some(2.5));
    }

    #[test]
    fn three_samples_give_their_range() {
        assert_eq!(median_interval(&[1.2, 1.0, 1.1]), Some([1.0, 1.2]));
        assert_eq!(median_interval(&[1.0]), None);
        // Every pairing of one run of A with one of B lies inside.
        let i = ratio_interval(&[2.0, 2.2, 2.1], &[1.0, 1.1, 1.05]).unwrap();
        assert!((i[0] - 2.0 / 1.1).abs() < 1e-12, "{i:?}");
        assert!((i[1] - 2.2 / 1.0).abs() < 1e-12, "{i:?}");
    }

    #[test]
    fn many_samples_give_less_than_their_range() {
        let v: Vec<f64> = (0..41).map(|i| 1.0 + f64::from(i) / 100.0).collect();
        let [lo, hi] = median_interval(&v).unwrap();
        assert!(lo > 1.05 && hi < 1.35 && lo < 1.2 && hi > 1.2, "{lo} {hi}");
        // Seeded: the same samples give the same interval.
        assert_eq!(median_interval(&v), Some([lo, hi]));
    }

    #[test]
    fn a_geometric_mean_narrows_as_benchmarks_agree() {
        let a: &[f64] = &[1.3, 1.5, 1.4];
        let b: &[f64] = &[1.0, 1.1, 1.05];
        let one = ratio_interval(a, b).unwrap();
        let many = geomean_interval(&[(a, b); 8]).unwrap();
        assert!(many[1] - many[0] < one[1] - one[0], "{one:?} {many:?}");
        assert!(many[0] > 1.2 && many[1] < 1.45, "{many:?}");
        assert_eq!(geomean_interval(&[(&[1.0][..], b)]), None);
    }

    #[test]
    fn the_rule() {
        // Interval excludes 1 and the ratio clears the floor: a finding.
        assert_eq!(
            Claim::judge(1.5, Some([1.3, 1.7]), Some(0.05)),
            Claim::Above
        );
        assert_eq!(
            Claim::judge(0.5, Some([0.4, 0.6]), Some(0.05)),
            Claim::Below
        );
        // Interval excludes 1, but the difference is under the floor.
        assert!(matches!(
            Claim::judge(1.06, Some([1.01, 1.1]), Some(0.1)),
            Claim::Noise { .. }
        ));
        // The floor of a ratio is √2 times a cell's: with cells wobbling
        // ±6%, 1.08 is noise and 1.09 a finding.
        assert!(matches!(
            Claim::judge(1.08, Some([1.02, 1.14]), Some(0.06)),
            Claim::Noise { .. }
        ));
        assert_eq!(
            Claim::judge(1.09, Some([1.02, 1.14]), Some(0.06)),
            Claim::Above
        );
        // Interval spans 1.
        match Claim::judge(1.05, Some([0.84, 1.26]), Some(0.02)) {
            Claim::Noise { half_width } => assert!((half_width - 0.2).abs() < 1e-9),
            other => panic!("{other:?}"),
        }
        assert_eq!(Claim::judge(3.0, None, None), Claim::Unknown);
        assert!(!Claim::Unknown.decided());
    }

    #[test]
    fn the_floor_is_the_typical_spread() {
        let cells: Vec<Vec<f64>> = vec![
            vec![1.0, 1.2, 1.1], // ±9.1%
            vec![2.0, 2.0, 2.0], // 0 -> but the median decides
            vec![1.0, 1.4, 1.2], // ±16.7%
            vec![5.0],           // one sample: left out
        ];
        let f = noise_floor(cells.iter().map(Vec::as_slice)).unwrap();
        assert!((f - 0.1 / 1.1).abs() < 1e-9, "{f}");
        let quiet = [vec![1.0, 1.0], vec![2.0, 2.0]];
        assert_eq!(
            noise_floor(quiet.iter().map(Vec::as_slice)),
            Some(MIN_FLOOR)
        );
        assert_eq!(noise_floor(std::iter::empty()), None);
    }

    #[test]
    fn repeats_suggested() {
        // ±20% with 3 repeats, aiming at ±5%: 3 × 16 = 48, capped at 30.
        assert_eq!(repeats_to_decide(3, 0.2, 0.05), 30);
        // ±8% aiming at ±5%: 3 × 2.56 = 7.68 -> 8.
        assert_eq!(repeats_to_decide(3, 0.08, 0.05), 8);
        // Already narrow: at least two more.
        assert_eq!(repeats_to_decide(5, 0.01, 0.05), 7);
    }
}
