//! The charts of `index.html`, drawn with plotters as SVG text.
//!
//! * **Speed-up vs workers**, one chart per CPU-bound workload: a line per
//!   (runtime, executor), the pure-Rust ceiling (the machine's real limit,
//!   from `count_primes`) and the ideal `y = x`.
//! * **Single-thread overhead**: per single-thread benchmark, a bar per
//!   runtime of its wall time / python3's, with the 1.0 line.
//! * **Convoy latency**: the I/O round trip's p50 alone, and its p50 and p99
//!   beside a CPU-bound thread, a bar per runtime, in ms.
//!
//! How they are made to read (issue 14):
//! * **One colour per runtime** in every chart ([`colour`]), keyed on the
//!   runtime's name without a merged run's ` @ MACHINE` label, so that
//!   gil-new is the same red in the scaling, overhead and convoy charts and
//!   on every machine of a merged report. The executor is the line's dash
//!   (threads solid, processes dashed, interpreters dotted) and a merged
//!   run's machine the marker (circle, triangle, square). The legend sits
//!   beside the plot, in the order of `runtimes` in results.json.
//! * **Worker ticks only where measured**: the x axis is log₂ of the worker
//!   count (1, 2, 4 … 16 are evenly spaced) and a tick is drawn at each
//!   worker count some cell ran with, never at 3 when 3 was not run.
//! * **A log y axis** when the values span more than [`LOG_SPAN`] (the
//!   convoy's 0.05 ms alone against 60 ms beside a CPU-bound thread).
//! * **Whiskers**: every point and bar with its bootstrap 95% interval of
//!   the median from results.json (`*_interval`, `metric_intervals`); a
//!   one-repeat run has none and the chart says so.
//! * [`SIZE`] fills the report's column (the page scales it to 100%
//!   width), with 16–24 px text.
//!
//! Only measured cells are drawn; a chart with nothing to draw is left out.
//! Text is emitted as SVG `<text>` (no fonts are read), so the charts need
//! no system libraries and the page no network.

use plotters::coord::ranged1d::{AsRangedCoord, ValueFormatter};
use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;

use super::findings::base;
use super::results::{Cell, Results};
use super::stats::Interval;

type Drawn = Result<(), String>;
type Area<'a> = DrawingArea<SVGBackend<'a>, Shift>;

fn err<E: std::fmt::Display>(e: E) -> String {
    e.to_string()
}

/// Width and (least) height of a chart in px; the plot takes the left
/// [`PLOT_WIDTH`], the legend the rest.
pub const SIZE: (u32, u32) = (1060, 480);
const PLOT_WIDTH: u32 = 740;
const CAPTION_PX: u32 = 24;
const LABEL_PX: u32 = 17;
const LEGEND_PX: u32 = 16;
const LEGEND_ROW: u32 = 24;
/// A chart's y axis is logarithmic when its largest value (a median, not
/// an interval's end) is more than this many times its smallest: ratios
/// that span orders of magnitude.
pub const LOG_SPAN: f64 = 30.0;
/// The note under a chart with whiskers.
pub const WHISKER_NOTE: &str = "whiskers: bootstrap 95% interval of the median";
const NO_WHISKER_NOTE: &str = "one repeat per cell: no interval, no whiskers";

/// The fixed colours of the runtimes the lab knows (Tableau 10, whose hues
/// stay apart for most colour-blind readers), by name.
const KNOWN: [(&str, (u8, u8, u8)); 10] = [
    ("python3", (31, 119, 180)),
    ("gil-new", (214, 39, 40)),
    ("gil-fair", (44, 160, 44)),
    ("gil-old", (255, 127, 14)),
    ("ft-atomic", (23, 190, 207)),
    ("ft-locked", (148, 103, 189)),
    ("python2.7", (140, 86, 75)),
    ("single", (127, 127, 127)),
    ("ft-biased", (227, 119, 194)),
    ("ft-buffered", (188, 189, 34)),
];
/// Colours for runtimes not in [`KNOWN`], picked by a hash of the name so
/// that a runtime keeps its colour from run to run.
const OTHERS: [(u8, u8, u8); 6] = [
    (0, 92, 49),
    (153, 0, 153),
    (0, 0, 128),
    (128, 128, 0),
    (255, 80, 160),
    (90, 60, 20),
];

/// The one colour of a runtime in every chart (module doc): by its name
/// without a merged run's ` @ MACHINE`; the Rust ceiling is black.
pub fn colour(runtime: &str) -> RGBColor {
    let name = base(runtime);
    if name == "rust-ceiling" {
        return BLACK;
    }
    let (r, g, b) = KNOWN
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, c)| *c)
        .unwrap_or_else(|| {
            // FNV-1a: stable across runs and Rust versions.
            let h = name.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
                (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
            });
            OTHERS[(h % OTHERS.len() as u64) as usize]
        });
    RGBColor(r, g, b)
}

/// How a line or point is drawn: its runtime's colour, the executor's
/// dash, the machine's marker.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Look {
    colour: RGBColor,
    /// `None` solid, else (dash, gap) in px.
    dash: Option<(u32, u32)>,
    /// 0 circle, 1 triangle, 2 square.
    marker: usize,
}

fn dash_of(executor: &str) -> Option<(u32, u32)> {
    match executor {
        "processes" => Some((10, 5)),
        "interpreters" => Some((3, 4)),
        _ => None,
    }
}

/// The index of a runtime's machine among a merged report's machines (the
/// ` @ LABEL` suffixes in the order of `runtimes`); 0 for a single run.
fn machine_of(r: &Results, runtime: &str) -> usize {
    let mut labels: Vec<&str> = Vec::new();
    for rt in &r.runtimes {
        let label = rt.name.split_once(" @ ").map_or("", |(_, l)| l);
        if !labels.contains(&label) {
            labels.push(label);
        }
    }
    let mine = runtime.split_once(" @ ").map_or("", |(_, l)| l);
    labels.iter().position(|l| *l == mine).unwrap_or(0) % 3
}

/// A bar's colour: its runtime's, lightened for the second and third
/// machine of a merged report (bars have no marker to tell them apart).
fn bar_colour(r: &Results, runtime: &str) -> RGBColor {
    let c = colour(runtime);
    let towards_white = [0.0, 0.45, 0.7][machine_of(r, runtime)];
    let mix = |v: u8| (f64::from(v) + (255.0 - f64::from(v)) * towards_white).round() as u8;
    RGBColor(mix(c.0), mix(c.1), mix(c.2))
}

/// The legend entry of a runtime's bars.
fn bar_entry(r: &Results, runtime: &str) -> Entry {
    Entry {
        label: runtime.to_string(),
        look: Look {
            colour: bar_colour(r, runtime),
            dash: None,
            marker: machine_of(r, runtime),
        },
        bar: true,
    }
}

/// Every chart that has data, as SVG strings.
pub fn all(r: &Results) -> Vec<String> {
    let mut v = Vec::new();
    let mut cpu: Vec<&str> = Vec::new();
    for c in r
        .cells
        .iter()
        .filter(|c| c.kind == "cpu" && c.ok() && c.workers > 1)
    {
        if !cpu.contains(&c.workload.as_str()) {
            cpu.push(&c.workload);
        }
    }
    for w in cpu {
        v.push(render(|svg| speedup(r, w, svg)));
    }
    if r.cells
        .iter()
        .any(|c| c.kind == "single" && c.ok() && c.vs_python3.is_some() && c.runtime != "python3")
    {
        v.push(render(|svg| overhead(r, svg)));
    }
    if r.cells
        .iter()
        .any(|c| c.workload == "convoy" && c.ok() && c.metrics.contains_key("p50_ms"))
    {
        v.push(render(|svg| convoy(r, svg)));
    }
    v
}

/// Runs a drawing into a string; a drawing error becomes a visible note.
fn render(draw: impl FnOnce(&mut String) -> Drawn) -> String {
    let mut svg = String::new();
    match draw(&mut svg) {
        Ok(()) => svg,
        Err(e) => format!("<p>chart not drawn: {}</p>", super::report::escape(&e)),
    }
}

/// One value with its interval.
#[derive(Clone, Copy, Debug)]
struct Point {
    x: f64,
    y: f64,
    interval: Option<Interval>,
}

/// A legend entry.
struct Entry {
    label: String,
    look: Look,
    /// A bar (filled square) rather than a line.
    bar: bool,
}

/// The y range: `(lo, hi, log)`, log when the medians span more than
/// [`LOG_SPAN`]; the range covers the medians and their intervals.
fn y_range(medians: &[f64], intervals: &[Interval]) -> (f64, f64, bool) {
    let positive = |v: &&f64| v.is_finite() && **v > 0.0;
    let (lo, hi) = medians
        .iter()
        .filter(positive)
        .fold((f64::INFINITY, 0.0f64), |(lo, hi), v| {
            (lo.min(*v), hi.max(*v))
        });
    if hi <= 0.0 || !lo.is_finite() {
        return (0.0, 1.0, false);
    }
    let ends: Vec<f64> = intervals.iter().flatten().copied().collect();
    let top = ends.iter().filter(positive).fold(hi, |m, v| m.max(*v));
    if hi / lo > LOG_SPAN {
        let bottom = ends.iter().filter(positive).fold(lo, |m, v| m.min(*v));
        (bottom / 1.6, top * 1.6, true)
    } else {
        (0.0, top * 1.08, false)
    }
}

/// Ticks of a log axis from `lo` to `hi`: 1, 2, 5 × 10ᵏ, or only 10ᵏ when
/// those would be more than a dozen.
fn log_ticks(lo: f64, hi: f64) -> Vec<f64> {
    let mut out = Vec::new();
    if !(lo > 0.0 && hi > lo) {
        return out;
    }
    let (k0, k1) = (lo.log10().floor() as i32, hi.log10().ceil() as i32);
    for k in k0..=k1 {
        for m in [1.0, 2.0, 5.0] {
            let v = m * 10f64.powi(k);
            if v >= lo && v <= hi {
                out.push(v);
            }
        }
    }
    if out.len() > 12 {
        out.retain(|v| (v.log10() - v.log10().round()).abs() < 1e-9);
    }
    out
}

/// The height of a chart with `entries` legend rows.
fn height(entries: usize) -> u32 {
    SIZE.1.max(90 + LEGEND_ROW * entries as u32)
}

/// Text of `px` CSS pixels (plotters writes a font size as 1/1.24 of the
/// size it is given).
fn text_style(px: u32) -> TextStyle<'static> {
    ("sans-serif", f64::from(px) * 1.24)
        .into_font()
        .color(&BLACK)
}

/// Draws the legend in the area right of the plot, in `entries`' order.
fn legend(area: &Area<'_>, entries: &[Entry]) -> Drawn {
    for (i, e) in entries.iter().enumerate() {
        let y = 70 + (i as u32 * LEGEND_ROW) as i32;
        let style = e.look.colour.stroke_width(3);
        if e.bar {
            area.draw(&Rectangle::new(
                [(12, y - 7), (34, y + 7)],
                e.look.colour.filled(),
            ))
            .map_err(err)?;
        } else {
            match e.look.dash {
                None => area
                    .draw(&PathElement::new(vec![(8, y), (40, y)], style))
                    .map_err(err)?,
                Some((d, g)) => {
                    let mut x = 8;
                    while x < 40 {
                        area.draw(&PathElement::new(
                            vec![(x, y), ((x + d as i32).min(40), y)],
                            style,
                        ))
                        .map_err(err)?;
                        x += (d + g) as i32;
                    }
                }
            }
            marker_at(area, (24, y), e.look)?;
        }
        area.draw(&Text::new(
            e.label.clone(),
            (48, y - (LEGEND_PX as i32) / 2 - 1),
            text_style(LEGEND_PX),
        ))
        .map_err(err)?;
    }
    Ok(())
}

/// A marker in pixel coordinates.
fn marker_at(area: &Area<'_>, (x, y): (i32, i32), look: Look) -> Drawn {
    let fill = look.colour.filled();
    match look.marker {
        1 => area.draw(&Polygon::new(
            vec![(x, y - 6), (x - 6, y + 5), (x + 6, y + 5)],
            fill,
        )),
        2 => area.draw(&Rectangle::new([(x - 5, y - 5), (x + 5, y + 5)], fill)),
        _ => area.draw(&Circle::new((x, y), 4, fill)),
    }
    .map_err(err)
}

/// The note under the plot.
fn note(root: &Area<'_>, any_interval: bool) -> Drawn {
    let h = root.dim_in_pixel().1 as i32;
    let text = if any_interval {
        WHISKER_NOTE
    } else {
        NO_WHISKER_NOTE
    };
    root.draw(&Text::new(
        text,
        (PLOT_WIDTH as i32 + 8, h - 28),
        text_style(14),
    ))
    .map_err(err)
}

/// One line of the speed-up chart.
struct Line {
    entry: Entry,
    points: Vec<Point>,
}

/// Points (workers, speedup) of one runtime and executor.
fn series(r: &Results, workload: &str, runtime: &str, executor: &str) -> Vec<Point> {
    let mut pts: Vec<Point> = r
        .cells
        .iter()
        .filter(|c| {
            c.workload == workload && c.runtime == runtime && c.executor == executor && c.ok()
        })
        .filter_map(|c| {
            Some(Point {
                x: f64::from(c.workers),
                y: c.speedup_vs_1?,
                interval: c.speedup_vs_1_interval,
            })
        })
        .collect();
    pts.sort_by(|a, b| a.x.total_cmp(&b.x));
    pts
}

/// The worker counts some line of the chart was measured at: its ticks.
fn measured_workers(lines: &[Line]) -> Vec<f64> {
    let mut w: Vec<f64> = lines
        .iter()
        .flat_map(|l| l.points.iter().map(|p| p.x))
        .collect();
    w.sort_by(f64::total_cmp);
    w.dedup();
    w
}

fn speedup(r: &Results, workload: &str, svg: &mut String) -> Drawn {
    let mut lines: Vec<Line> = Vec::new();
    for rt in r.runtimes.iter().filter(|rt| rt.family == "ceiling") {
        let points = series(r, "count_primes", &rt.name, "threads");
        if points.len() > 1 {
            lines.push(Line {
                entry: Entry {
                    label: if rt.name.contains(" @ ") {
                        rt.name.clone()
                    } else {
                        format!("{} (count_primes)", rt.name)
                    },
                    look: Look {
                        colour: colour(&rt.name),
                        dash: Some((8, 5)),
                        marker: machine_of(r, &rt.name),
                    },
                    bar: false,
                },
                points,
            });
        }
    }
    for rt in r.runtimes.iter().filter(|rt| rt.family != "ceiling") {
        for e in ["threads", "processes", "interpreters"] {
            let points = series(r, workload, &rt.name, e);
            if points.len() > 1 {
                lines.push(Line {
                    entry: Entry {
                        label: format!("{} {e}", rt.name),
                        look: Look {
                            colour: colour(&rt.name),
                            dash: dash_of(e),
                            marker: machine_of(r, &rt.name),
                        },
                        bar: false,
                    },
                    points,
                });
            }
        }
    }
    let ticks = measured_workers(&lines);
    let max_workers = ticks.last().copied().unwrap_or(2.0).max(2.0);
    let medians: Vec<f64> = lines
        .iter()
        .flat_map(|l| l.points.iter().map(|p| p.y))
        .chain([1.0, max_workers])
        .collect();
    let intervals: Vec<Interval> = lines
        .iter()
        .flat_map(|l| l.points.iter().filter_map(|p| p.interval))
        .collect();
    let (lo, hi, log) = y_range(&medians, &intervals);
    let title = format!("{workload}: speed-up over 1 worker");
    let mut entries = vec![Entry {
        label: "ideal (y = workers)".into(),
        look: Look {
            colour: RGBColor(170, 170, 170),
            dash: None,
            marker: usize::MAX,
        },
        bar: false,
    }];
    let any_interval = lines
        .iter()
        .any(|l| l.points.iter().any(|p| p.interval.is_some()));
    let x_max = max_workers.log2();
    let draw = |root: &Area<'_>, plot: &Area<'_>| -> Drawn {
        if log {
            speedup_plot(
                (root, plot),
                &title,
                &lines,
                &ticks,
                x_max,
                true,
                (lo..hi).log_scale(),
            )
        } else {
            speedup_plot((root, plot), &title, &lines, &ticks, x_max, false, lo..hi)
        }
    };
    entries.extend(lines.iter().map(|l| Entry {
        label: l.entry.label.clone(),
        look: l.entry.look,
        bar: false,
    }));
    frame(svg, &entries, any_interval, draw)
}

/// Makes the drawing area, the plot and the legend, and calls `plot`.
fn frame(
    svg: &mut String,
    entries: &[Entry],
    any_interval: bool,
    plot: impl FnOnce(&Area<'_>, &Area<'_>) -> Drawn,
) -> Drawn {
    let root = SVGBackend::with_string(svg, (SIZE.0, height(entries.len()))).into_drawing_area();
    root.fill(&WHITE).map_err(err)?;
    let (left, right) = root.split_horizontally(PLOT_WIDTH);
    plot(&root, &left)?;
    legend(&right, entries)?;
    note(&root, any_interval)?;
    root.present().map_err(err)
}

/// The chart on `plot` with a log₂ x axis from -0.3 to `x_max` + 0.3 and
/// the y axis `y`, its mesh (no x labels: [`x_ticks`] draws them) and
/// caption.
fn cartesian<'a, 'b, Y>(
    plot: &'a Area<'b>,
    title: &str,
    x: std::ops::Range<f64>,
    y: Y,
    y_desc: &str,
    log: bool,
) -> Result<ChartContext<'a, SVGBackend<'b>, Cartesian2d<RangedCoordf64, Y::CoordDescType>>, String>
where
    Y: AsRangedCoord<Value = f64>,
    Y::CoordDescType: Ranged<ValueType = f64> + ValueFormatter<f64>,
{
    let mut chart = ChartBuilder::on(plot)
        .caption(title, text_style(CAPTION_PX))
        .margin(14)
        .x_label_area_size(56)
        .y_label_area_size(70)
        .build_cartesian_2d(x, y)
        .map_err(err)?;
    // plotters' own ticks of a log axis leave out everything below 1; a
    // log axis gets its ticks from [`log_ticks`] instead.
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(0)
        .y_labels(if log { 0 } else { 10 })
        .y_desc(y_desc)
        .y_label_formatter(&|v| if log { String::new() } else { short_number(*v) })
        .label_style(text_style(LABEL_PX))
        .axis_desc_style(text_style(LABEL_PX))
        .light_line_style(RGBColor(235, 235, 235))
        .bold_line_style(RGBColor(215, 215, 215))
        .draw()
        .map_err(err)?;
    if log {
        let range = chart.y_range();
        let x = chart.x_range();
        let style = text_style(LABEL_PX).pos(plotters::style::text_anchor::Pos::new(
            plotters::style::text_anchor::HPos::Right,
            plotters::style::text_anchor::VPos::Center,
        ));
        for v in log_ticks(range.start, range.end) {
            chart
                .draw_series(std::iter::once(PathElement::new(
                    vec![(x.start, v), (x.end, v)],
                    RGBColor(215, 215, 215),
                )))
                .map_err(err)?;
            let (px, py) = chart.backend_coord(&(x.start, v));
            plot.draw(&PathElement::new(vec![(px - 5, py), (px, py)], BLACK))
                .map_err(err)?;
            plot.draw(&Text::new(short_number(v), (px - 8, py), style.clone()))
                .map_err(err)?;
        }
    }
    Ok(chart)
}

/// `0.05`, `1.5`, `12`, `300`: a y tick without trailing noise.
fn short_number(v: f64) -> String {
    let a = v.abs();
    if a == 0.0 {
        "0".into()
    } else if a >= 10.0 {
        format!("{v:.0}")
    } else if a >= 1.0 {
        let s = format!("{v:.1}");
        s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
    } else {
        let s = format!("{v:.2}");
        s.trim_end_matches('0').to_string()
    }
}

/// Tick labels under the plot at data x positions, with a light grid line
/// each, and the axis description.
fn x_ticks<Y>(
    root: &Area<'_>,
    chart: &mut ChartContext<'_, SVGBackend<'_>, Cartesian2d<RangedCoordf64, Y>>,
    ticks: &[(f64, String)],
    desc: &str,
) -> Drawn
where
    Y: Ranged<ValueType = f64> + ValueFormatter<f64>,
{
    let (y0, y1) = {
        let r = chart.y_range();
        (r.start, r.end)
    };
    for (x, _) in ticks {
        chart
            .draw_series(std::iter::once(PathElement::new(
                vec![(*x, y0), (*x, y1)],
                RGBColor(225, 225, 225),
            )))
            .map_err(err)?;
    }
    let style = text_style(LABEL_PX).pos(plotters::style::text_anchor::Pos::new(
        plotters::style::text_anchor::HPos::Center,
        plotters::style::text_anchor::VPos::Top,
    ));
    let mut centre = (0, 0);
    for (x, label) in ticks {
        let (px, py) = chart.backend_coord(&(*x, y0));
        centre = (centre.0 + px, py);
        root.draw(&PathElement::new(vec![(px, py), (px, py + 5)], BLACK))
            .map_err(err)?;
        root.draw(&Text::new(label.clone(), (px, py + 8), style.clone()))
            .map_err(err)?;
    }
    let (l, _) = chart.backend_coord(&(chart.x_range().start, y0));
    let (r, py) = chart.backend_coord(&(chart.x_range().end, y0));
    if !desc.is_empty() {
        root.draw(&Text::new(desc.to_string(), ((l + r) / 2, py + 32), style))
            .map_err(err)?;
    }
    Ok(())
}

/// A whisker: the interval as a vertical line with caps `cap` wide.
fn whisker(x: f64, [lo, hi]: Interval, cap: f64, colour: RGBColor) -> Vec<PathElement<(f64, f64)>> {
    let style = colour.stroke_width(2);
    vec![
        PathElement::new(vec![(x, lo), (x, hi)], style),
        PathElement::new(vec![(x - cap, lo), (x + cap, lo)], style),
        PathElement::new(vec![(x - cap, hi), (x + cap, hi)], style),
    ]
}

/// The speed-up plot on a y axis of type `Y` (linear or log).
fn speedup_plot<Y>(
    (root, plot): (&Area<'_>, &Area<'_>),
    title: &str,
    lines: &[Line],
    ticks: &[f64],
    x_max: f64,
    log: bool,
    y: Y,
) -> Drawn
where
    Y: AsRangedCoord<Value = f64>,
    Y::CoordDescType: Ranged<ValueType = f64> + ValueFormatter<f64>,
{
    let mut chart = cartesian(
        plot,
        title,
        -0.3..x_max + 0.3,
        y,
        "speed-up over 1 worker",
        log,
    )?;
    let labels: Vec<(f64, String)> = ticks
        .iter()
        .map(|w| (w.log2(), format!("{w:.0}")))
        .collect();
    x_ticks(root, &mut chart, &labels, "workers (log scale)")?;
    // The ideal, y = workers, sampled along the axis (a curve on a linear
    // y axis, a straight line on a log one).
    let ideal: Vec<(f64, f64)> = (0..=60)
        .map(|i| {
            let x = x_max * f64::from(i) / 60.0;
            (x, x.exp2())
        })
        .collect();
    chart
        .draw_series(LineSeries::new(
            ideal,
            RGBColor(170, 170, 170).stroke_width(3),
        ))
        .map_err(err)?;
    // Whiskers of the lines at one worker count are set a little apart so
    // that they do not hide each other (at most 0.2 either side, inside the
    // axis' 0.3 margin).
    let step = (0.012 * (x_max + 0.6)).min(0.4 / (lines.len().max(2) - 1) as f64);
    let dodge = |i: usize| (i as f64 - (lines.len() as f64 - 1.0) / 2.0) * step;
    for (li, line) in lines.iter().enumerate() {
        let look = line.entry.look;
        let pts: Vec<(f64, f64)> = line.points.iter().map(|p| (p.x.log2(), p.y)).collect();
        let style = look.colour.stroke_width(3);
        match look.dash {
            None => chart
                .draw_series(LineSeries::new(pts.clone(), style))
                .map_err(err)?,
            Some((d, g)) => chart
                .draw_series(DashedLineSeries::new(pts.clone(), d, g, style))
                .map_err(err)?,
        };
        for p in &line.points {
            if let Some(i) = p.interval {
                chart
                    .draw_series(whisker(
                        p.x.log2() + dodge(li),
                        i,
                        0.02 * (x_max + 0.6),
                        look.colour,
                    ))
                    .map_err(err)?;
            }
        }
        for (x, y) in pts {
            let at = chart.backend_coord(&(x, y));
            marker_at(root, at, look)?;
        }
    }
    Ok(())
}

/// One bar series: a runtime, its value per group, each with its interval.
struct BarSeries {
    entry: Entry,
    values: Vec<Option<(f64, Option<Interval>)>>,
}

/// Grouped bars: `groups` on the x axis, a bar per series in each group.
fn bars(
    svg: &mut String,
    title: &str,
    y_desc: &str,
    groups: &[String],
    series: &[BarSeries],
    reference: Option<f64>,
) -> Drawn {
    let medians: Vec<f64> = series
        .iter()
        .flat_map(|s| s.values.iter().flatten().map(|(v, _)| *v))
        .chain(reference)
        .collect();
    let intervals: Vec<Interval> = series
        .iter()
        .flat_map(|s| s.values.iter().flatten().filter_map(|(_, i)| *i))
        .collect();
    let (lo, hi, log) = y_range(&medians, &intervals);
    let any_interval = series
        .iter()
        .any(|s| s.values.iter().flatten().any(|(_, i)| i.is_some()));
    let entries: Vec<Entry> = series
        .iter()
        .map(|s| Entry {
            label: s.entry.label.clone(),
            look: s.entry.look,
            bar: true,
        })
        .collect();
    frame(svg, &entries, any_interval, |root, plot| {
        if log {
            bars_plot(
                (root, plot),
                (title, y_desc),
                groups,
                series,
                reference,
                (lo, true),
                (lo..hi).log_scale(),
            )
        } else {
            bars_plot(
                (root, plot),
                (title, y_desc),
                groups,
                series,
                reference,
                (lo, false),
                lo..hi,
            )
        }
    })
}

fn bars_plot<Y>(
    (root, plot): (&Area<'_>, &Area<'_>),
    (title, y_desc): (&str, &str),
    groups: &[String],
    series: &[BarSeries],
    reference: Option<f64>,
    (floor, log): (f64, bool),
    y: Y,
) -> Drawn
where
    Y: AsRangedCoord<Value = f64>,
    Y::CoordDescType: Ranged<ValueType = f64> + ValueFormatter<f64>,
{
    let n = groups.len() as f64;
    let mut chart = cartesian(plot, title, 0.0..n, y, y_desc, log)?;
    let labels: Vec<(f64, String)> = groups
        .iter()
        .enumerate()
        .map(|(i, g)| (i as f64 + 0.5, g.clone()))
        .collect();
    x_ticks(root, &mut chart, &labels, "")?;
    let k = series.len().max(1) as f64;
    let width = 0.8 / k;
    for (s, bar) in series.iter().enumerate() {
        let c = bar.entry.look.colour;
        for (g, v) in bar.values.iter().enumerate() {
            let Some((v, interval)) = v else { continue };
            let x0 = g as f64 + 0.1 + s as f64 * width;
            chart
                .draw_series(std::iter::once(Rectangle::new(
                    [(x0, floor), (x0 + width * 0.9, *v)],
                    c.filled(),
                )))
                .map_err(err)?;
            if let Some(i) = interval {
                chart
                    .draw_series(whisker(x0 + width * 0.45, *i, width * 0.2, BLACK))
                    .map_err(err)?;
            }
        }
    }
    if let Some(y) = reference {
        chart
            .draw_series(LineSeries::new(
                vec![(0.0, y), (n, y)],
                BLACK.stroke_width(2),
            ))
            .map_err(err)?;
    }
    Ok(())
}

fn overhead(r: &Results, svg: &mut String) -> Drawn {
    let singles: Vec<&Cell> = r
        .cells
        .iter()
        .filter(|c| c.kind == "single" && c.executor == "serial")
        .collect();
    let mut groups: Vec<String> = Vec::new();
    for c in &singles {
        if !groups.contains(&c.workload) {
            groups.push(c.workload.clone());
        }
    }
    let series: Vec<BarSeries> = r
        .runtimes
        .iter()
        .filter(|rt| rt.name != "python3")
        .map(|rt| BarSeries {
            entry: bar_entry(r, &rt.name),
            values: groups
                .iter()
                .map(|g| {
                    singles
                        .iter()
                        .find(|c| &c.workload == g && c.runtime == rt.name)
                        .and_then(|c| Some((c.vs_python3?, c.vs_python3_interval)))
                })
                .collect(),
        })
        .filter(|s| s.values.iter().any(Option::is_some))
        .collect();
    bars(
        svg,
        "Single-thread overhead: wall time / python3's",
        "× python3's time",
        &groups,
        &series,
        Some(1.0),
    )
}

fn convoy(r: &Results, svg: &mut String) -> Drawn {
    let metrics = [
        ("alone_p50_ms", "p50 alone"),
        ("p50_ms", "p50 beside a CPU thread"),
        ("p99_ms", "p99 beside a CPU thread"),
    ];
    let groups: Vec<String> = metrics.iter().map(|(_, g)| g.to_string()).collect();
    let series: Vec<BarSeries> = r
        .runtimes
        .iter()
        .filter_map(|rt| {
            let c = r.cells.iter().find(|c| {
                c.workload == "convoy"
                    && c.runtime == rt.name
                    && c.ok()
                    && c.metrics.contains_key("p50_ms")
            })?;
            Some(BarSeries {
                entry: bar_entry(r, &rt.name),
                values: metrics
                    .iter()
                    .map(|(k, _)| {
                        let v = *c.metrics.get(*k)?;
                        Some((v, c.metric_intervals.get(*k).copied()))
                    })
                    .collect(),
            })
        })
        .collect();
    bars(
        svg,
        "Convoy: an I/O thread's round trip (ms)",
        "ms per round trip",
        &groups,
        &series,
        None,
    )
}

#[cfg(test)]
mod tests {
    use super::super::rerender::test_data::{crafted, one_repeat};
    use super::*;

    fn hex(c: RGBColor) -> String {
        format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
    }

    /// The `<text>` elements of an SVG: (their attributes, their text).
    fn texts(svg: &str) -> Vec<(String, String)> {
        svg.split("<text ")
            .skip(1)
            .filter_map(|t| {
                let (attrs, rest) = t.split_once('>')?;
                let (body, _) = rest.split_once("</text>")?;
                Some((attrs.to_string(), body.trim().to_string()))
            })
            .collect()
    }

    /// The chart whose caption starts with `title`.
    fn chart<'a>(charts: &'a [String], title: &str) -> &'a str {
        charts
            .iter()
            .find(|svg| texts(svg).iter().any(|(_, t)| t.starts_with(title)))
            .unwrap_or_else(|| panic!("no chart {title:?}"))
    }

    #[test]
    fn a_runtime_has_one_colour_in_every_chart() {
        let charts = all(&crafted());
        assert_eq!(charts.len(), 3, "count_primes, overhead, convoy");
        // gil-new and ft-atomic are in all three, gil-fair (no threaded
        // count_primes) in two.
        for (name, n) in [("gil-new", 3), ("ft-atomic", 3), ("gil-fair", 2)] {
            let c = hex(colour(name));
            let with = charts.iter().filter(|svg| svg.contains(&c)).count();
            assert_eq!(with, n, "{name}'s {c}");
        }
        // Distinct runtimes, distinct colours; a merged run's label does
        // not change it.
        let known: Vec<String> = KNOWN.iter().map(|(n, _)| hex(colour(n))).collect();
        let mut unique = known.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), known.len());
        assert_eq!(colour("ft-atomic @ 16 CPUs"), colour("ft-atomic"));
        assert_eq!(colour("rust-ceiling @ 16 CPUs"), BLACK);
        assert_eq!(colour("a-runtime-to-come"), colour("a-runtime-to-come"));
    }

    #[test]
    fn the_legend_follows_the_order_of_runtimes() {
        let charts = all(&crafted());
        let overhead = chart(&charts, "Single-thread overhead");
        let at = |label: &str| {
            texts(overhead)
                .iter()
                .position(|(_, t)| t == label)
                .unwrap_or_else(|| panic!("no legend {label}"))
        };
        // results.json lists python3, gil-new, gil-fair, ft-atomic.
        assert!(at("gil-new") < at("gil-fair"));
        assert!(at("gil-fair") < at("ft-atomic"));
    }

    #[test]
    fn worker_ticks_are_only_where_cells_ran() {
        let mut r = crafted();
        // count_primes also at 4 and 16 workers: ticks 1 2 4 16, never 3
        // or 8.
        for n in [4, 16] {
            let mut c = r
                .cells
                .iter()
                .find(|c| {
                    c.workload == "count_primes" && c.runtime == "ft-atomic" && c.workers == 2
                })
                .unwrap()
                .clone();
            c.workers = n;
            r.cells.push(c);
        }
        let charts = all(&r);
        let svg = chart(&charts, "count_primes: speed-up");
        // Tick labels under the x axis are centred; the y axis's are
        // right-aligned.
        let ticks: Vec<String> = texts(svg)
            .into_iter()
            .filter(|(a, t)| a.contains("text-anchor=\"middle\"") && t.parse::<u32>().is_ok())
            .map(|(_, t)| t)
            .collect();
        assert_eq!(ticks, ["1", "2", "4", "16"]);
    }

    #[test]
    fn a_log_axis_when_values_span_orders_of_magnitude() {
        let charts = all(&crafted());
        let y_ticks = |svg: &str| -> Vec<String> {
            texts(svg)
                .into_iter()
                .filter(|(a, _)| a.contains("text-anchor=\"end\""))
                .map(|(_, t)| t)
                .collect()
        };
        // Convoy: 0.1 ms alone, 5.5 ms beside a CPU-bound thread.
        let convoy = y_ticks(chart(&charts, "Convoy"));
        for t in ["0.1", "1", "10"] {
            assert!(convoy.contains(&t.to_string()), "{convoy:?}");
        }
        // Overhead: 2.0x to 2.4x, linear from 0.
        let overhead = y_ticks(chart(&charts, "Single-thread overhead"));
        assert!(overhead.contains(&"0".to_string()), "{overhead:?}");
        assert_eq!(log_ticks(0.05, 6.0), [0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0]);
        assert_eq!(
            log_ticks(0.001, 1000.0),
            [0.001, 0.01, 0.1, 1.0, 10.0, 100.0, 1000.0]
        );
        assert_eq!(log_ticks(0.5, 6.0), [0.5, 1.0, 2.0, 5.0]);
    }

    #[test]
    fn whiskers_show_each_interval_and_say_so() {
        let r = crafted();
        let charts = all(&r);
        let svg = chart(&charts, "count_primes: speed-up");
        assert!(svg.contains(WHISKER_NOTE));
        // ft-atomic's 2-thread interval [1.75–1.89] is a vertical line in
        // its colour: a path of two points with the same x.
        let c = hex(colour("ft-atomic"));
        let vertical = svg
            .split("<polyline")
            .filter(|p| p.contains(&format!("stroke=\"{c}\"")))
            .filter_map(|p| {
                let pts = p.split("points=\"").nth(1)?.split('"').next()?;
                let xs: Vec<&str> = pts
                    .split_whitespace()
                    .filter_map(|q| q.split(',').next())
                    .collect();
                (xs.len() == 2 && xs[0] == xs[1]).then_some(())
            })
            .count();
        assert!(vertical >= 2, "whiskers at 1 and 2 workers: {vertical}");
        // One repeat: no interval, no whisker, and the note says why.
        for svg in all(&one_repeat(r)) {
            assert!(svg.contains(NO_WHISKER_NOTE));
            assert!(!svg.contains(WHISKER_NOTE));
        }
    }
}
