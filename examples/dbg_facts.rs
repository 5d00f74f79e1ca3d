//! Prints the visits and meetings the extractor finds in each file given, one a line
//! (`file<TAB>V<TAB>visitor→host<TAB>dates<TAB>sentence`, `file<TAB>M<TAB>a+b<TAB>dates<TAB>sentence`), for comparing with a hand-written list.
//!
//! `cargo run --example dbg_facts -- FILE...`

use diplograph::model::{FactKind, Role};
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut failed = false;
    for path in std::env::args().skip(1) {
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{path}: {e}");
                failed = true;
                continue;
            }
        };
        let docs = match diplograph::pipeline::analyze(&path, &bytes) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("{path}: {e}");
                failed = true;
                continue;
            }
        };
        let name = path.rsplit('/').next().unwrap_or(&path);
        for (k, doc) in docs.iter().enumerate() {
            let on = doc.date.map_or("-".into(), |d| d.to_string());
            let name = format!("{name}#{k}@{on}");
            let label = |e: usize| doc.entities[e].label_zh.clone();
            for located in &doc.facts {
                let f = &located.fact;
                match f.kind {
                    FactKind::Visit => {
                        let v = f.with_role(Role::Visitor).next().map(label).unwrap_or_default();
                        let h = f.with_role(Role::HostCountry).next().map(label).unwrap_or_default();
                        let dates: Vec<String> = [f.start, f.end]
                            .iter()
                            .map(|d| d.map_or("-".into(), |d| d.to_string()))
                            .collect();
                        let said: String = located.text.chars().take(60).collect();
                        println!("{name}\tV\t{v}→{h}\t{}\t{said}", dates.join(".."));
                    }
                    FactKind::Meeting => {
                        let mut people: Vec<String> = f.with_role(Role::Participant).map(label).collect();
                        people.sort();
                        let dates: Vec<String> =
                            [f.start, f.end].iter().flatten().map(|d| d.to_string()).collect();
                        let said: String = located.text.chars().take(60).collect();
                        println!("{name}\tM\t{}\t{}\t{said}", people.join("+"), dates.join(".."));
                    }
                    _ => {}
                }
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
