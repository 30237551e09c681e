//! The charts of `index.html`, drawn with plotters as SVG text.
//!
//! * **Speedup vs workers**, one chart per CPU-bound workload: a line per
//!   (runtime, executor), the pure-Rust ceiling's line (the machine's real
//!   limit, from `count_primes`) and the ideal `y = x`.
//! * **Single-thread overhead**: bars of each runtime's wall time / python3's
//!   per single-thread benchmark, with the 1.0 line.
//! * **Convoy latency**: per runtime, the I/O round trip's p50 alone and
//!   p50 / p99 beside a CPU-bound thread, in ms.
//!
//! Only measured cells are drawn; a chart with nothing to draw is left out.
//! Text is emitted as SVG `<text>` (no fonts are read), so the charts need
//! no system libraries and the page no network.

use plotters::prelude::*;

use super::results::{Cell, Results};

type Drawn = Result<(), String>;

fn err<E: std::fmt::Display>(e: E) -> String {
    e.to_string()
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

fn color(i: usize) -> RGBColor {
    let c = Palette99::pick(i).to_rgba();
    RGBColor(c.0, c.1, c.2)
}

/// Points (workers, speedup) of one runtime and executor.
fn series(r: &Results, workload: &str, runtime: &str, executor: &str) -> Vec<(f64, f64)> {
    let mut pts: Vec<(f64, f64)> = r
        .cells
        .iter()
        .filter(|c| {
            c.workload == workload && c.runtime == runtime && c.executor == executor && c.ok()
        })
        .filter_map(|c| Some((f64::from(c.workers), c.speedup_vs_1?)))
        .collect();
    pts.sort_by(|a, b| a.0.total_cmp(&b.0));
    pts
}

fn speedup(r: &Results, workload: &str, svg: &mut String) -> Drawn {
    let mut lines: Vec<(String, Vec<(f64, f64)>)> = Vec::new();
    for rt in r.runtimes.iter().filter(|rt| rt.family != "ceiling") {
        for e in ["threads", "processes", "interpreters"] {
            let pts = series(r, workload, &rt.name, e);
            if pts.len() > 1 {
                lines.push((format!("{} {e}", rt.name), pts));
            }
        }
    }
    let ceiling = series(r, "count_primes", "rust-ceiling", "threads");
    let max_workers = lines
        .iter()
        .chain(std::iter::once(&(String::new(), ceiling.clone())))
        .flat_map(|(_, p)| p.iter().map(|q| q.0))
        .fold(2.0, f64::max);
    let root = SVGBackend::with_string(svg, (720, 420)).into_drawing_area();
    root.fill(&WHITE).map_err(err)?;
    let mut chart = ChartBuilder::on(&root)
        .caption(
            format!("{workload}: speedup vs workers"),
            ("sans-serif", 20),
        )
        .margin(12)
        .x_label_area_size(40)
        .y_label_area_size(50)
        .build_cartesian_2d(0.8f64..max_workers + 0.2, 0f64..max_workers + 0.2)
        .map_err(err)?;
    chart
        .configure_mesh()
        .x_desc("workers")
        .y_desc("speedup vs 1 worker")
        .x_labels(max_workers as usize)
        .x_label_formatter(&|x| format!("{x:.0}"))
        .draw()
        .map_err(err)?;
    chart
        .draw_series(LineSeries::new(
            vec![(1.0, 1.0), (max_workers, max_workers)],
            BLACK.mix(0.25),
        ))
        .map_err(err)?
        .label("ideal")
        .legend(|(x, y)| PathElement::new(vec![(x, y), (x + 20, y)], BLACK.mix(0.25)));
    if ceiling.len() > 1 {
        chart
            .draw_series(DashedLineSeries::new(ceiling, 8, 5, BLACK.stroke_width(2)))
            .map_err(err)?
            .label("rust ceiling (count_primes)")
            .legend(|(x, y)| PathElement::new(vec![(x, y), (x + 20, y)], BLACK.stroke_width(2)));
    }
    for (i, (name, pts)) in lines.into_iter().enumerate() {
        let c = color(i);
        chart
            .draw_series(LineSeries::new(pts.clone(), c.stroke_width(2)))
            .map_err(err)?
            .label(name)
            .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 20, y)], c.stroke_width(2)));
        chart
            .draw_series(pts.into_iter().map(|p| Circle::new(p, 3, c.filled())))
            .map_err(err)?;
    }
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperLeft)
        .background_style(WHITE.mix(0.85))
        .border_style(BLACK.mix(0.3))
        .draw()
        .map_err(err)?;
    root.present().map_err(err)
}

/// Grouped bars: `groups` on the x axis, one bar per series.
fn bars(
    svg: &mut String,
    title: &str,
    y_desc: &str,
    groups: &[String],
    series: &[(String, Vec<Option<f64>>)],
    reference: Option<f64>,
) -> Drawn {
    let ymax = series
        .iter()
        .flat_map(|(_, v)| v.iter().flatten().copied())
        .chain(reference)
        .fold(0.0, f64::max)
        * 1.15;
    let ymax = if ymax > 0.0 { ymax } else { 1.0 };
    let root = SVGBackend::with_string(svg, (720, 420)).into_drawing_area();
    root.fill(&WHITE).map_err(err)?;
    let n = groups.len() as f64;
    let mut chart = ChartBuilder::on(&root)
        .caption(title, ("sans-serif", 20))
        .margin(12)
        .x_label_area_size(40)
        .y_label_area_size(55)
        .build_cartesian_2d(0f64..n, 0f64..ymax)
        .map_err(err)?;
    let labels = groups.to_vec();
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(groups.len() * 2 + 1)
        .x_label_formatter(&move |x| {
            let i = x.floor() as usize;
            if (x - x.floor() - 0.5).abs() < 0.01 && i < labels.len() {
                labels[i].clone()
            } else {
                String::new()
            }
        })
        .y_desc(y_desc)
        .draw()
        .map_err(err)?;
    let k = series.len().max(1) as f64;
    let width = 0.8 / k;
    for (s, (name, values)) in series.iter().enumerate() {
        let c = color(s);
        let rects = values.iter().enumerate().filter_map(|(g, v)| {
            let x0 = g as f64 + 0.1 + s as f64 * width;
            v.map(|v| Rectangle::new([(x0, 0.0), (x0 + width * 0.9, v)], c.filled()))
        });
        chart
            .draw_series(rects)
            .map_err(err)?
            .label(name.clone())
            .legend(move |(x, y)| Rectangle::new([(x, y - 5), (x + 12, y + 5)], c.filled()));
    }
    if let Some(y) = reference {
        chart
            .draw_series(LineSeries::new(
                vec![(0.0, y), (n, y)],
                BLACK.stroke_width(1),
            ))
            .map_err(err)?;
    }
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperRight)
        .background_style(WHITE.mix(0.85))
        .border_style(BLACK.mix(0.3))
        .draw()
        .map_err(err)?;
    root.present().map_err(err)
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
    let series: Vec<(String, Vec<Option<f64>>)> = r
        .runtimes
        .iter()
        .filter(|rt| rt.name != "python3")
        .map(|rt| {
            let values = groups
                .iter()
                .map(|g| {
                    singles
                        .iter()
                        .find(|c| &c.workload == g && c.runtime == rt.name)
                        .and_then(|c| c.vs_python3)
                })
                .collect::<Vec<_>>();
            (rt.name.clone(), values)
        })
        .filter(|(_, v)| v.iter().any(Option::is_some))
        .collect();
    bars(
        svg,
        "Single-thread overhead (wall time / python3's)",
        "x python3",
        &groups,
        &series,
        Some(1.0),
    )
}

fn convoy(r: &Results, svg: &mut String) -> Drawn {
    let cells: Vec<&Cell> = r
        .cells
        .iter()
        .filter(|c| c.workload == "convoy" && c.ok() && c.metrics.contains_key("p50_ms"))
        .collect();
    let groups: Vec<String> = cells.iter().map(|c| c.runtime.clone()).collect();
    let metric = |k: &str| {
        cells
            .iter()
            .map(|c| c.metrics.get(k).copied())
            .collect::<Vec<_>>()
    };
    let series = vec![
        ("p50 alone".to_string(), metric("alone_p50_ms")),
        ("p50 with a CPU-bound thread".to_string(), metric("p50_ms")),
        ("p99 with a CPU-bound thread".to_string(), metric("p99_ms")),
    ];
    bars(
        svg,
        "Convoy: I/O round-trip latency (ms)",
        "ms per round trip",
        &groups,
        &series,
        None,
    )
}
