//! Organizations, projects and initiatives found by pattern, for names no gazetteer lists:
//! a country, compound or body plus a body ending (蒙古国经济发展部, 中哈合作委员会, 中共中央办公厅),
//! a named undertaking ending in a project word (中蒙俄经济走廊, “安格连—帕普”铁路隧道, 援蒙古学校项目),
//! quoted initiatives (“远景2050”长期发展政策), 全球…倡议, five-year plans and national strategies.

use super::lexicon::{Entry, Hit, Lexicon};
use super::{Key, Kind, Mention};
use crate::text::normalize::is_cjk;
use regex::Regex;
use std::sync::LazyLock;

static QUOTED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[“「]([^“”「」\n]{2,40})[”」]").expect("quoted"));
static GLOBAL_INITIATIVE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"全球\p{Han}{2,8}?倡议").expect("global initiative"));
static VISION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\p{Han}{2,12}[—-](?:19|20)\d\d$").expect("vision"));
static NATIONAL_PLAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:国民经济和社会发展)?第[一二三四五六七八九十]{1,3}个五年(?:规划|计划)|至?(?:19|20)\d\d年(?:前)?(?:国家)?发展战略(?:规划)?",
    )
    .expect("national plan")
});

/// Pattern-found organizations, projects and initiatives in `text`, given its gazetteer `hits` and
/// its one-character country `forms` (both computed once by the caller).
pub fn find(text: &str, hits: &[Hit], forms: &[Mention], lexicon: &Lexicon) -> Vec<Mention> {
    let mut out = organizations(text, hits, forms, lexicon);
    out.extend(projects(text, hits, forms, lexicon));
    out.extend(initiatives(text, lexicon));
    out
}

/// A span that can begin a body's name, with the country it names, if any.
struct Qualifier {
    start: usize,
    end: usize,
    country: Option<usize>,
    /// A known body (中共中央), which an organ ending can follow directly (中共中央办公厅).
    is_body: bool,
}

/// Country names, compounds of one-character forms (中哈), known bodies and international prefixes.
fn qualifiers(text: &str, hits: &[Hit], forms: &[Mention], lexicon: &Lexicon) -> Vec<Qualifier> {
    let mut spans: Vec<Qualifier> = hits
        .iter()
        .filter_map(|h| match h.entry {
            Entry::Country(i) => {
                Some(Qualifier { start: h.start, end: h.end, country: Some(i), is_body: false })
            }
            Entry::Organization(i) => Some(Qualifier {
                start: h.start,
                end: h.end,
                country: lexicon.gazetteer.organization_country(i),
                is_body: true,
            }),
            _ => None,
        })
        .collect();
    let mut i = 0;
    while i < forms.len() {
        let mut j = i;
        while j + 1 < forms.len() && forms[j + 1].start == forms[j].end && !forms[j].surface.ends_with('方')
        {
            j += 1;
        }
        if j > i {
            spans.push(Qualifier { start: forms[i].start, end: forms[j].end, country: None, is_body: false });
        }
        i = j + 1;
    }
    // Every occurrence of each prefix (none overlaps itself), prefix by prefix as listed.
    let mut prefixes: Vec<(usize, usize, usize)> = lexicon
        .named
        .international
        .find_overlapping_iter(text)
        .map(|m| (m.pattern().as_usize(), m.start(), m.end()))
        .collect();
    prefixes.sort_unstable();
    spans.extend(prefixes.into_iter().map(|(_, start, end)| Qualifier {
        start,
        end,
        country: None,
        is_body: false,
    }));
    spans
}

fn organizations(text: &str, hits: &[Hit], forms: &[Mention], lexicon: &Lexicon) -> Vec<Mention> {
    let qualifiers = qualifiers(text, hits, forms, lexicon);
    let words = lexicon.words;
    // Where another name begins (a country, a compound, a known body) a body's name has ended;
    // international prefixes (国际, 世界) also occur inside names and do not end one.
    let international = |q: &Qualifier| {
        q.country.is_none()
            && !q.is_body
            && words.international_prefixes.iter().any(|w| *w == &text[q.start..q.end])
    };
    let mut starts: Vec<usize> = qualifiers.iter().filter(|q| !international(q)).map(|q| q.start).collect();
    starts.sort_unstable();
    let starts = |at: usize| starts.binary_search(&at).is_ok();
    // 日本首相海部俊树: a body's name never ends inside a known leader's (海部 is no ministry).
    let leaders: Vec<(usize, usize)> =
        hits.iter().filter(|h| matches!(h.entry, Entry::Leader(_))).map(|h| (h.start, h.end)).collect();
    let inside_leader = |at: usize| leaders.iter().any(|&(start, end)| start < at && at < end);
    let mut out = Vec::new();
    for q in &qualifiers {
        let rest = &text[q.end..];
        let mut best: Option<usize> = None;
        for (count, (i, c)) in rest.char_indices().enumerate() {
            // A double dash (越通社河内——老挝…) parts a dateline or a clause; a single one joins names.
            let breaks = words.chars.org_break.contains(c)
                || !(is_cjk(c) || c == '、' || c == '-' || c == '—')
                || rest[i..].starts_with("——");
            // 中共中央政治局委员、中央书记处书记、中央办公厅主任: a list of a person's offices, not a name;
            // 加蓬总统邦戈、参议长科尼凯、国民议会议长: a list of officials, each an office and a name
            // (卫生部长王乙康、国家发展部: the office may begin inside the body that starts the name).
            let after_office = c == '、'
                && lexicon
                    .gazetteer
                    .offices
                    .iter()
                    .any(|o| o.zh.chars().count() >= 2 && text[q.start..q.end + i].contains(&o.zh));
            let connector = "和与同、".contains(c) && starts(q.end + i + c.len_utf8()) || after_office;
            let joined = rest[..i].ends_with(['-', '—']);
            let next_name = i > 0 && !joined && (rest[i..].starts_with("关于") || starts(q.end + i));
            if count > 24 || breaks || connector || next_name {
                break;
            }
            if !lexicon.named.org_suffix_ends.contains(c) {
                continue;
            }
            let at = &rest[..i + c.len_utf8()];
            let Some(suffix) = words.org_suffixes.iter().find(|s| at.ends_with(*s)) else { continue };
            let body_chars = at[..at.len() - suffix.len()].chars().count();
            let single = suffix.chars().count() == 1;
            let follow = rest[at.len()..].chars().next();
            let bounded = !single || follow.is_none_or(|f| !words.chars.word_after_body.contains(f));
            let word = words.not_bodies.iter().any(|w| at.ends_with(w));
            let long_enough = body_chars >= 2
                || (!single && body_chars >= 1)
                || suffix.chars().count() >= 4
                || (q.is_body && !single);
            let extends = match best {
                None => true,
                // 中俄总理定期会晤委员会金融合作分委会: a short continuation names an organ of the body.
                Some(prev) => {
                    let gap = &rest[prev..at.len()];
                    gap.chars().count() <= 8
                        && !gap.contains(['和', '与', '及', '、'])
                        && !gap.contains("框架")
                }
            };
            if !extends {
                break;
            }
            if bounded && !word && long_enough && !inside_leader(q.end + at.len()) {
                best = Some(at.len());
            }
        }
        if let Some(len) = best {
            let end = q.end + len;
            let mut m = Mention::new(
                text,
                Kind::Organization,
                q.start,
                end,
                Key::Name(text[q.start..end].to_owned()),
            );
            m.country = q.country;
            out.push(m);
        }
    }
    out
}

fn projects(text: &str, hits: &[Hit], forms: &[Mention], lexicon: &Lexicon) -> Vec<Mention> {
    let suffixes = &lexicon.words.project_suffixes;
    // For each end position, the first listed suffix ending there (one pass over the text).
    let mut ends: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    for m in lexicon.named.project_suffixes.find_overlapping_iter(text) {
        let slot = ends.entry(m.end()).or_insert(m.pattern().as_usize());
        *slot = (*slot).min(m.pattern().as_usize());
    }
    let mut out = Vec::new();
    for (&end, &pattern) in &ends {
        let suffix = &suffixes[pattern];
        let suffix_start = end - suffix.len();
        let window = left_edge(text, suffix_start, lexicon);
        let start = if *suffix == "港" {
            // A port is a place name right before 港 (阿克套港), not any name before it (第一大港).
            let from = hits.partition_point(|h| h.end < suffix_start);
            let place =
                hits[from..].iter().take_while(|h| h.end == suffix_start).find(|h| h.entry == Entry::Place);
            match place {
                Some(h) => h.start,
                None => continue,
            }
        } else {
            match proper_start(text, window, suffix_start, hits, forms, lexicon) {
                Some(start) => start,
                None => continue,
            }
        };
        // 中吉乌铁路项目 names the railway: the trailing 项目 is not part of the name.
        let core = &text[start..end];
        let end = match core.strip_suffix("项目") {
            Some(rest) if *suffix == "项目" && suffixes.iter().any(|s| *s != "项目" && rest.ends_with(s)) => {
                start + rest.len()
            }
            _ => end,
        };
        out.push(Mention::new(
            text,
            Kind::Project,
            start,
            end,
            Key::Name(text[start..end].replace(['“', '”'], "")),
        ));
    }
    out
}

/// Walks left from `from` over the characters a name may hold, stopping at punctuation or a stop word.
fn left_edge(text: &str, from: usize, lexicon: &Lexicon) -> usize {
    let stops = &lexicon.words.name_left_stops;
    let mut start = from;
    for (count, (i, c)) in text[..from].char_indices().rev().enumerate() {
        let allowed = is_cjk(c) || c.is_ascii_digit() || matches!(c, '—' | '-' | '“' | '”' | '(' | ')');
        let stop = lexicon.named.left_stop_ends.contains(c)
            && stops.iter().any(|w| text[..i + c.len_utf8()].ends_with(w));
        if !allowed || count >= 24 || stop {
            break;
        }
        start = i;
        if c == '“' {
            break;
        }
    }
    start
}

/// Where a project's name starts inside `[window, suffix_start)`: at the first proper element (a
/// country name or compound, a known body, a quotation, 援 for aid, 跨 for a crossing), or for a
/// name of places joined by dashes (卡拉苏-阔勒买口岸) at most four characters before the first dash.
fn proper_start(
    text: &str,
    window: usize,
    suffix_start: usize,
    hits: &[Hit],
    forms: &[Mention],
    lexicon: &Lexicon,
) -> Option<usize> {
    let inside = |s: usize| window <= s && s < suffix_start;
    // Hits and forms come sorted by start: only those starting inside the window are looked at.
    let from = hits.partition_point(|h| h.start < window);
    let mut candidates: Vec<usize> = hits[from..]
        .iter()
        .take_while(|h| h.start < suffix_start)
        .filter(|h| {
            matches!(h.entry, Entry::Country(_) | Entry::Organization(_) | Entry::Place) && inside(h.start)
        })
        .map(|h| h.start)
        .collect();
    let slice = &text[window..suffix_start];
    candidates.extend(lexicon.named.regions.find_overlapping_iter(slice).map(|m| window + m.start()));
    let first_form = forms.partition_point(|f| f.start < window);
    let compound_starts = forms[first_form..]
        .windows(2)
        .take_while(|w| w[0].start < suffix_start)
        .filter(|w| w[0].end == w[1].start && !w[0].surface.ends_with('方'));
    candidates.extend(compound_starts.map(|w| w[0].start).filter(|s| inside(*s)));
    // 跨境, 跨国: a crossing is proper only when a name follows (跨阿富汗铁路, 跨里海走廊).
    let crossing = |i: usize| !slice[i + '跨'.len_utf8()..].starts_with(['境', '国', '区', '界', '越', '铁']);
    let marks = slice.char_indices().filter(|&(i, c)| matches!(c, '“' | '援') || (c == '跨' && crossing(i)));
    candidates.extend(marks.map(|(i, _)| window + i));
    if let (true, Some(dash)) = (candidates.is_empty(), slice.find(['—', '-'])) {
        let before: Vec<(usize, char)> = slice[..dash].char_indices().collect();
        let k = before.len().min(4);
        if k >= 2 {
            candidates.push(window + before[before.len() - k].0);
        }
    }
    candidates.into_iter().min()
}

fn initiatives(text: &str, lexicon: &Lexicon) -> Vec<Mention> {
    let plan_words = &lexicon.words.plan_words;
    let mut out = Vec::new();
    for caps in QUOTED.captures_iter(text) {
        let inner = caps.get(1).expect("quoted group");
        let name = inner.as_str();
        let after = &text[caps.get(0).expect("match").end()..];
        let window: String = after.chars().take(6).collect();
        let ends_initiative = plan_words.iter().any(|w| name.ends_with(w));
        let proper = name.chars().any(|c| c.is_ascii_digit())
            || lexicon.find(name).iter().any(|h| matches!(h.entry, Entry::Country(_)))
            || name.chars().count() >= 4;
        let followed =
            proper && plan_words.iter().any(|w| window.contains(w)) && !window.starts_with(['、', ',']);
        if ends_initiative || followed || VISION.is_match(name) {
            out.push(Mention::new(
                text,
                Kind::Initiative,
                inner.start(),
                inner.end(),
                Key::Name(name.to_owned()),
            ));
        }
    }
    for m in GLOBAL_INITIATIVE.find_iter(text).chain(NATIONAL_PLAN.find_iter(text)) {
        out.push(Mention::new(text, Kind::Initiative, m.start(), m.end(), Key::Name(m.as_str().to_owned())));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_and_regions_never_overlap_themselves() {
        // Their automata report every occurrence, overlapping ones too: that is the set a
        // substring search finds only when no word's start is also its end.
        let words = crate::reference::Words::embedded();
        for word in words.international_prefixes.iter().chain(&words.undertaking_regions) {
            let overlaps = (1..word.len()).any(|n| word.is_char_boundary(n) && word.ends_with(&word[..n]));
            assert!(!overlaps, "{word}");
        }
    }

    fn named(text: &str) -> Vec<(Kind, String)> {
        crate::extract::extract(text, Lexicon::get())
            .into_iter()
            .filter(|m| m.kind != Kind::Country)
            .map(|m| (m.kind, m.surface))
            .collect()
    }

    #[test]
    fn finds_bodies() {
        let f = named("中华人民共和国商务部和蒙古国经济发展部关于建立工作组的谅解备忘录");
        assert!(f.contains(&(Kind::Organization, "蒙古国经济发展部".into())), "{f:?}");
        assert!(f.contains(&(Kind::Organization, "中华人民共和国商务部".into())), "{f:?}");
        assert!(named("乌兹别克斯坦。中乌政府间合作委员会及其各分委会")
            .contains(&(Kind::Organization, "中乌政府间合作委员会".into())));
        assert!(named("欧亚经济委员会").contains(&(Kind::Organization, "欧亚经济委员会".into())));
        assert!(named("中国西部").is_empty());
        assert!(named("中俄互利合作新格局").is_empty());
        // A federation is a body; the verb 签署 after a name is no body's ending.
        let f = named("中国国际贸易促进委员会与巴西工业联合会签署协议");
        assert!(f.contains(&(Kind::Organization, "巴西工业联合会".into())), "{f:?}");
        assert!(named("双方在巴西签署协议").is_empty());
        // 兼 joins two offices of one person: no body runs across it.
        assert!(named("缅甸总统兼国务委员会主席吴奈温").iter().all(|(_, n)| !n.contains('兼')));
    }

    fn orgs(text: &str) -> Vec<String> {
        named(text).into_iter().filter(|(k, _)| *k == Kind::Organization).map(|(_, s)| s).collect()
    }

    #[test]
    fn a_list_of_offices_is_no_body() {
        let found = orgs("中共中央政治局委员、中央书记处书记、中央办公厅主任丁薛祥陪同。");
        assert!(found.iter().all(|o| !o.contains('、')), "{found:?}");
        // The office may begin inside the body that starts the name (卫生部 of 卫生部长).
        let found = orgs("贸工部长颜金勇、卫生部长王乙康、国家发展部兼外交部高级政务部长沈颖");
        assert!(found.iter().all(|o| !o.contains('、')), "{found:?}");
    }

    #[test]
    fn a_double_dash_ends_a_body() {
        let found = orgs("越通社河内——老挝人民革命党中央委员会总书记通伦抵达。");
        assert!(found.iter().all(|o| !o.contains('—')), "{found:?}");
    }

    #[test]
    fn a_body_never_ends_inside_a_known_leaders_name() {
        assert!(!named("日本首相海部俊树明天来访。").iter().any(|(k, _)| *k == Kind::Organization));
    }

    #[test]
    fn finds_projects() {
        let p = |s: &str| (Kind::Project, s.to_owned());
        assert!(named("双方将推进中蒙俄经济走廊建设").contains(&p("中蒙俄经济走廊")));
        assert!(named("“安格连—帕普”铁路隧道等").contains(&p("“安格连—帕普”铁路隧道")));
        assert!(named("哈萨克斯坦。双方商定采取措施保障中哈原油管道安全").contains(&p("中哈原油管道")));
        assert!(named("完善卡拉苏-阔勒买口岸基础设施").contains(&p("卡拉苏-阔勒买口岸")));
        assert!(named("推动中吉乌铁路项目").contains(&p("中吉乌铁路")));
        assert!(named("援蒙古口岸基础设施建设项目").contains(&p("援蒙古口岸基础设施建设项目")));
        assert!(!named("加强跨境合作项目").iter().any(|(k, _)| *k == Kind::Project));
    }

    #[test]
    fn finds_initiatives() {
        let i = |s: &str| (Kind::Initiative, s.to_owned());
        assert!(named("在“远景2050”长期发展政策引领下").contains(&i("远景2050")));
        assert!(named("支持全球发展倡议").contains(&i("全球发展倡议")));
        assert!(named("落实国民经济和社会发展第十四个五年规划")
            .contains(&i("国民经济和社会发展第十四个五年规划")));
        assert!(!named("授予“金鹰”勋章").iter().any(|(k, _)| *k == Kind::Initiative));
        assert!(!named("“一揽子”解决方案").iter().any(|(k, _)| *k == Kind::Initiative));
    }
}
