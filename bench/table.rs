//! bench/app.rs's figures: Jeton's beside the bare window's, as a table and as
//! `BENCH {json}` lines for bench/all.mjs.

pub fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    let n = xs.len();
    if n == 0 {
        return f64::NAN;
    }
    if n % 2 == 1 {
        xs[n / 2]
    } else {
        (xs[n / 2 - 1] + xs[n / 2]) / 2.0
    }
}

/// A figure of Jeton's beside the bare window's, as a table row and a `BENCH` line.
pub struct Row {
    pub name: String,
    pub what: String,
    pub jeton: f64,
    pub bare: f64,
    pub unit: &'static str,
    pub stat: String,
    /// The goal as the largest ratio allowed.
    pub goal: Option<f64>,
}

impl Row {
    /// Jeton's figure over the bare window's; None when the bare window's is zero.
    fn ratio(&self) -> Option<f64> {
        (self.bare > 0.0).then(|| self.jeton / self.bare)
    }

    /// Within the goal: the ratio at most the goal, or both figures zero.
    fn met(&self, goal: f64) -> bool {
        self.ratio().map_or(self.jeton <= self.bare, |r| r <= goal)
    }
}

pub fn rows_print(rows: &[Row]) {
    println!("\n{:<46}{:>12}{:>12}{:>8}   goal", "", "Jeton", "bare", "ratio");
    for r in rows {
        let ratio = r.ratio().map_or("-".into(), |x| format!("{x:.2}×"));
        let goal = r.goal.map(|g| format!("≤ {g}×{}", if r.met(g) { "" } else { "  (missed)" })).unwrap_or_default();
        println!("{:<46}{:>9.1} {:<2}{:>9.1} {:<2}{ratio:>8}   {goal}", r.what, r.jeton, r.unit, r.bare, r.unit);
    }
    println!();
    for r in rows {
        let ratio = r.ratio().map_or("null".into(), |x| format!("{x:.2}"));
        let mut json = format!(
            "{{\"name\":\"app_{}\",\"what\":{:?},\"value\":{:.1},\"base\":{:.1},\"vs\":\"bare window\",\"unit\":\"{}\",\"stat\":{:?},\"ratio\":{ratio}",
            r.name, r.what, r.jeton, r.bare, r.unit, r.stat
        );
        if let Some(g) = r.goal {
            json.push_str(&format!(",\"goal\":\"≤ {g}×\",\"met\":{}", r.met(g)));
        }
        println!("BENCH {json}}}");
    }
}
