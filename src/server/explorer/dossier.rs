//! The pair dossier page: two countries or leaders → their visits, meetings, signings, citations
//! and partnership levels in date order with evidence, and the partnership levels as a line of how
//! the relationship evolved. The entries come from [`crate::dossier::dossier`]; start with [`page`].

use super::html::{encode_value, escape, link};
use crate::dossier::{self, DossierError, EntryKind};
use oxigraph::store::Store;
use std::fmt::Write as _;

/// Entries a page shows at most (`from=N` pages on).
pub const SHOWN: usize = 200;

/// The dossier form, filled with `a` and `b`.
pub fn form(a: &str, b: &str) -> String {
    format!(
        "<h2>双边档案 Pair dossier</h2><form class=\"dossier\" action=\"/dossier\" method=\"get\">\
         <input name=\"a\" value=\"{}\" aria-label=\"first country or leader\" placeholder=\"中国\"> – \
         <input name=\"b\" value=\"{}\" aria-label=\"second country or leader\" placeholder=\"哈萨克斯坦\"> \
         <button type=\"submit\">查看 Show dossier</button></form>\n",
        escape(a),
        escape(b)
    )
}

/// The dossier page of `a` and `b`, its entries from the `from`th ([`SHOWN`] of them); a status
/// other than 200 when they are not two parties.
pub fn page(store: &Store, a: &str, b: &str, from: usize) -> (u16, String, String) {
    let mut body = form(a, b);
    if a.trim().is_empty() || b.trim().is_empty() {
        body.push_str("<p class=\"note\">Give two countries or leaders: a label (中国, Kazakhstan), a short name (country:KZ) or an IRI.</p>");
        return (200, "双边档案 Dossier".into(), body);
    }
    let dossier = match dossier::dossier(store, a, b) {
        Ok(d) => d,
        Err(e) => {
            let status = match e {
                DossierError::Query(_) => 500,
                _ => 404,
            };
            let _ = write!(body, "<p class=\"error\">{}</p>", escape(&e.to_string()));
            return (status, "双边档案 Dossier".into(), body);
        }
    };
    let title = format!("{} – {}", dossier.a.label, dossier.b.label);
    let _ = writeln!(
        body,
        "<h1>{} – {} <small>{} entries</small></h1>",
        link(&dossier.a.iri, &dossier.a.label),
        link(&dossier.b.iri, &dossier.b.label),
        dossier.entries.len()
    );
    let mut counts = String::new();
    for kind in EntryKind::ALL {
        let n = dossier.entries.iter().filter(|e| e.kind == kind).count();
        let _ = write!(counts, "<li><span class=\"dk dk-{kind}\">{kind}</span> {n}</li>");
    }
    let _ = writeln!(body, "<ul class=\"counts\">{counts}</ul>");
    let levels: Vec<String> = dossier
        .entries
        .iter()
        .filter(|e| e.kind == EntryKind::Partnership && !e.detail.is_empty())
        .map(|e| format!("{} <b>{}</b>", escape(e.date.as_deref().unwrap_or("undated")), escape(&e.detail)))
        .fold(Vec::new(), |mut seen: Vec<String>, level| {
            if seen.last() != Some(&level) {
                seen.push(level);
            }
            seen
        });
    if !levels.is_empty() {
        let _ = writeln!(body, "<p class=\"levels\">伙伴关系 Partnership: {}</p>", levels.join(" → "));
    }
    let total = dossier.entries.len();
    let shown = dossier.entries.iter().skip(from).take(SHOWN);
    let mut paging = String::new();
    if from > 0 || total > SHOWN {
        let link = |n: usize, text: &str| {
            let href = format!("/dossier?a={}&b={}&from={n}", encode_value(a), encode_value(b));
            format!(" · <a href=\"{}\">{text}</a>", escape(&href))
        };
        paging = format!("<p class=\"paging\">Entries {}–{} of {total}", from + 1, (from + SHOWN).min(total));
        if from > 0 {
            paging.push_str(&link(from.saturating_sub(SHOWN), "← earlier"));
        }
        if from + SHOWN < total {
            paging.push_str(&link(from + SHOWN, "later →"));
        }
        paging.push_str("</p>\n");
    }
    body.push_str(&paging);
    body.push_str(
        "<table class=\"results dossier\"><thead><tr><th>date</th><th>kind</th><th>between</th><th>detail</th>\
         <th>evidence</th><th>source</th></tr></thead><tbody>\n",
    );
    for e in shown {
        let date = match (&e.date, e.date_source) {
            (Some(d), Some(dossier::DateSource::Document)) => {
                format!("{} <small>(document)</small>", escape(d))
            }
            (Some(d), _) => escape(d),
            (None, _) => "undated".into(),
        };
        let _ = writeln!(
            body,
            "<tr class=\"dk-{kind}\"><td class=\"date\">{date}</td><td><span class=\"dk dk-{kind}\">{kind}</span></td><td>{}</td><td>{}</td>\
             <td class=\"evidence\" lang=\"zh\">{}</td><td class=\"source\"><code>{}</code> [{}–{}]<br>{} · {}{}</td></tr>",
            escape(&e.between),
            escape(&e.detail),
            escape(&e.evidence),
            escape(&e.source_file),
            e.span.0,
            e.span.1,
            link(&e.fact, "fact"),
            link(&e.document, "document"),
            if e.reports > 1 { format!(" · {} reports", e.reports) } else { String::new() },
            kind = e.kind
        );
    }
    body.push_str("</tbody></table>\n");
    body.push_str(&paging);
    (200, title, body)
}
