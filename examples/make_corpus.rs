//! Makes a large corpus from `seeds/` by varying it, for benchmarks and scale tests.
//!
//! `cargo run --release --example make_corpus -- 100 /tmp/corpus100` writes about 100 MB of `.txt`
//! files. Each copy shifts every year, swaps the partner country for another one and shuffles the
//! paragraphs, so that no two documents are the same (the store keeps identical documents once).

use std::path::PathBuf;

const PARTNERS: &[(&str, &str)] = &[
    ("蒙古国", "越南社会主义共和国"),
    ("俄罗斯联邦", "巴西联邦共和国"),
    ("乌兹别克斯坦共和国", "埃及阿拉伯共和国"),
    ("哈萨克斯坦共和国", "印度尼西亚共和国"),
    ("吉尔吉斯共和国", "南非共和国"),
    ("塔吉克斯坦共和国", "阿根廷共和国"),
];

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let megabytes: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(10);
    let out = PathBuf::from(args.next().unwrap_or_else(|| "corpus".into()));
    std::fs::create_dir_all(&out)?;
    let seeds_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut seeds: Vec<(String, String)> = std::fs::read_dir(&seeds_dir)?
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read_to_string(e.path()).unwrap_or_default(),
            )
        })
        .collect();
    seeds.sort();
    let target = megabytes * 1024 * 1024;
    let years = regex::Regex::new(r"(\d{4})(\s*)年").expect("year pattern");
    let mut written = 0;
    let mut copy = 0usize;
    while written < target {
        for (name, text) in &seeds {
            // Every four-digit year moves back by the copy number, in one pass.
            let mut varied = years
                .replace_all(text, |c: &regex::Captures<'_>| {
                    let year: usize = c[1].parse().unwrap_or(2000);
                    format!("{}{}年", year.saturating_sub(copy + 1).max(1000), &c[2])
                })
                .into_owned();
            let (from, to) = PARTNERS[copy % PARTNERS.len()];
            if copy % 2 == 1 {
                varied = varied.replace(from, to);
            }
            let mut paragraphs: Vec<&str> = varied.split("\n\n").collect();
            let n = paragraphs.len();
            if n > 4 {
                paragraphs[1..n - 1].rotate_left(copy % (n - 2));
            }
            let body = format!("{}\n\n（第{copy}份）\n", paragraphs.join("\n\n"));
            let file = out.join(format!("{copy:05}_{name}"));
            std::fs::write(&file, &body)?;
            written += body.len();
            if written >= target {
                break;
            }
        }
        copy += 1;
    }
    eprintln!(
        "wrote {:.1} MB in {} copies of the seeds to {}",
        written as f64 / 1048576.0,
        copy + 1,
        out.display()
    );
    Ok(())
}
