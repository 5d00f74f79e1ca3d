//! Saved web pages: the main text of the page without navigation, scripts, comments and
//! boilerplate, plus the title, publication date and canonical URL from the page's metadata.
//!
//! The entry point is [`read_html`]. Parsing is html5ever's (through `scraper`), so broken markup
//! reads as a browser reads it. The main text is the block that holds the most sentence text
//! (Chinese characters and punctuation in paragraphs, scored to a paragraph's parent and, halved,
//! its grandparent, as Readability does) and the fewest link characters; navigation, headers,
//! footers, asides, forms, scripts and blocks whose class or id names them (`nav`, `footer`,
//! `share` …) never count. The main text is written a line per block, after the headline when the
//! block does not start with it.

use super::{Format, InputError, SourceText};
use crate::model::{Date, Encoding};
use crate::text::normalize::is_cjk;
use regex::Regex;
use scraper::{ElementRef, Html, Node};
use std::sync::LazyLock;

/// Elements whose content is never main text.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "iframe",
    "button", "select", "option", "textarea", "svg", "canvas", "head", "object", "embed", "menu", "dialog",
    "input",
];

/// Elements that end a line of text.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "li",
    "ul",
    "ol",
    "td",
    "th",
    "tr",
    "table",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "dd",
    "dt",
    "dl",
    "center",
    "figure",
    "figcaption",
    "address",
    "body",
    "br",
    "hr",
];

/// Class and id words of boilerplate blocks (matched as words or word starts).
const BOILERPLATE: &[&str] = &[
    "nav",
    "menu",
    "footer",
    "foot",
    "header",
    "breadcrumb",
    "crumb",
    "share",
    "sidebar",
    "comment",
    "copyright",
    "related",
    "recommend",
    "advert",
    "ads",
    "toolbar",
    "login",
    "search",
    "banner",
    "topbar",
    "bottom",
    "sitemap",
    "qrcode",
    "weixin",
    "wechat",
    "weibo",
    "print",
    "hot",
    "rank",
    "links",
];

/// Reads a saved web page.
pub fn read_html(bytes: &[u8]) -> Result<SourceText, InputError> {
    let (source, encoding) = decode(bytes)?;
    let page = Html::parse_document(&source);
    let meta = Meta::of(&page);
    let root = page.root_element();
    let Some(main) = main_block(root) else { return Err(InputError::NoMainText) };
    let mut lines = Vec::new();
    let mut line = String::new();
    write_text(main, &mut line, &mut lines);
    flush(&mut line, &mut lines);
    let title = meta.title(&page);
    let mut text = String::new();
    if let Some(title) = &title {
        let starts_with_title =
            lines.iter().take(3).any(|l| l.contains(title.as_str()) || title.contains(l.as_str()));
        if !starts_with_title {
            text.push_str(title);
            text.push('\n');
        }
    }
    for l in &lines {
        text.push_str(l);
        text.push('\n');
    }
    Ok(SourceText {
        title,
        date: meta.date(&page),
        url: meta.url(),
        ..SourceText::plain(text, encoding, Format::Html)
    })
}

static CHARSET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)"#).expect("charset")
});

/// Decodes a page: a BOM decides, then the charset its `<meta>` declares, else the text stage's
/// detection (UTF-8, UTF-16, GB18030).
fn decode(bytes: &[u8]) -> Result<(String, Encoding), InputError> {
    let has_bom = bytes.starts_with(b"\xEF\xBB\xBF")
        || bytes.starts_with(b"\xFF\xFE")
        || bytes.starts_with(b"\xFE\xFF");
    if !has_bom {
        // The declaration is ASCII, within the first few KiB.
        let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]);
        let declared =
            CHARSET.captures(&head).and_then(|c| encoding_rs::Encoding::for_label(c[1].as_bytes()));
        if let Some(declared) = declared.filter(|e| *e != encoding_rs::UTF_8) {
            let (text, had_errors) = declared.decode_without_bom_handling(bytes);
            if !had_errors {
                let encoding = match declared.name() {
                    "GBK" | "gb18030" => Encoding::Gb18030,
                    _ => Encoding::Declared(declared.name()),
                };
                return Ok((text.into_owned(), encoding));
            }
        }
    }
    Ok(crate::text::decode(bytes)?)
}

/// What the page's `<meta>`, `<link>` and `<title>` elements say.
#[derive(Default)]
struct Meta {
    /// (name, property or itemprop, lower case; content).
    values: Vec<(String, String)>,
    canonical: Option<String>,
}

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\d{4})(?:[-/.年]\s*(\d{1,2})[-/.月]\s*(\d{1,2})|(\d{2})(\d{2}))").expect("date")
});

impl Meta {
    fn of(page: &Html) -> Self {
        let mut meta = Meta::default();
        for node in page.root_element().descendants() {
            let Some(el) = ElementRef::wrap(node) else { continue };
            let el = el.value();
            match el.name() {
                "meta" => {
                    let key = el.attr("property").or(el.attr("name")).or(el.attr("itemprop"));
                    if let (Some(key), Some(content)) = (key, el.attr("content")) {
                        meta.values.push((key.to_ascii_lowercase(), content.trim().to_owned()));
                    }
                }
                "link" if el.attr("rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical")) => {
                    meta.canonical = meta.canonical.take().or(el.attr("href").map(str::to_owned));
                }
                _ => {}
            }
        }
        meta
    }

    fn get(&self, keys: &[&str]) -> Option<&str> {
        keys.iter().find_map(|k| {
            self.values.iter().find(|(key, v)| key == k && !v.is_empty()).map(|(_, v)| v.as_str())
        })
    }

    /// `og:title` or the page's own title meta, else the first `<h1>`, else `<title>` without the
    /// site name after a separator (`标题_新华网`, `标题--新闻--人民网`).
    fn title(&self, page: &Html) -> Option<String> {
        let from_meta = self.get(&["og:title", "articletitle", "twitter:title", "title", "headline"]);
        let first = |name: &str| {
            page.root_element()
                .descendants()
                .filter_map(ElementRef::wrap)
                .find(|e| e.value().name() == name)
                .map(|e| collapse(&e.text().collect::<String>()))
                .filter(|t| !t.is_empty())
        };
        let title = from_meta.map(collapse).or_else(|| first("h1")).or_else(|| {
            first("title").map(|t| {
                let parts: Vec<&str> = t
                    .split(['_', '|', '—'])
                    .flat_map(|p| p.split("--"))
                    .flat_map(|p| p.split(" - "))
                    .collect();
                parts.first().map(|p| p.trim()).filter(|p| p.chars().count() >= 4).unwrap_or(&t).to_owned()
            })
        })?;
        (!title.is_empty()).then_some(title)
    }

    /// The publication date the page's metadata gives, to the day.
    fn date(&self, page: &Html) -> Option<Date> {
        let keys = [
            "article:published_time",
            "og:article:published_time",
            "publishdate",
            "pubdate",
            "publish_date",
            "publishtime",
            "publish-date",
            "firstpublishedtime",
            "datepublished",
            "dc.date.issued",
            "dc.date",
            "dcterms.date",
            "dcterms.created",
            "date",
        ];
        let value = self.get(&keys).map(str::to_owned).or_else(|| {
            page.root_element()
                .descendants()
                .filter_map(ElementRef::wrap)
                .find(|e| e.value().name() == "time" && e.value().attr("datetime").is_some())
                .and_then(|e| e.value().attr("datetime").map(str::to_owned))
        })?;
        parse_date(&value)
    }

    /// The canonical URL, else `og:url`; absolute `http(s)` URLs only.
    fn url(&self) -> Option<String> {
        let absolute =
            |u: &str| (u.starts_with("http://") || u.starts_with("https://")).then(|| u.trim().to_owned());
        self.canonical.as_deref().and_then(absolute).or_else(|| self.get(&["og:url"]).and_then(absolute))
    }
}

/// A date in `2019-06-05`, `2019/6/5`, `2019年6月5日` or `20190605` form, anywhere in `value`.
pub(crate) fn parse_date(value: &str) -> Option<Date> {
    let c = DATE.captures(value)?;
    let year = c[1].parse().ok()?;
    let (month, day) = match (c.get(2), c.get(3)) {
        (Some(m), Some(d)) => (m.as_str(), d.as_str()),
        _ => (c.get(4)?.as_str(), c.get(5)?.as_str()),
    };
    Date::ymd(year, month.parse().ok()?, day.parse().ok()?)
}

/// HTML white space runs as one space, trimmed.
fn collapse(text: &str) -> String {
    text.split_ascii_whitespace().collect::<Vec<_>>().join(" ")
}

/// True for an element that is never main text: a skipped tag, a hidden element, or a block whose
/// class or id names boilerplate.
fn is_boilerplate(el: ElementRef<'_>) -> bool {
    let e = el.value();
    if SKIPPED.contains(&e.name()) || e.attr("hidden").is_some() {
        return true;
    }
    if e.attr("style").is_some_and(|s| s.replace(' ', "").contains("display:none")) {
        return true;
    }
    let words = e.attr("class").into_iter().chain(e.attr("id")).flat_map(|v| {
        v.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_ascii_lowercase)
    });
    // `main_nav`, `footer2`, `shareBox` → `main`, `nav`, `footer2`, `sharebox`.
    words.into_iter().any(|w| BOILERPLATE.iter().any(|b| w == *b || (b.len() >= 4 && w.starts_with(b))))
}

/// Characters that count as text: Chinese characters and ASCII letters and digits.
fn text_chars(text: &str) -> usize {
    text.chars().filter(|c| is_cjk(*c) || c.is_ascii_alphanumeric()).count()
}

fn punctuation(text: &str) -> usize {
    text.chars()
        .filter(|c| matches!(c, '，' | '。' | '、' | '；' | '：' | '！' | '？' | ',' | '.' | ';'))
        .count()
}

/// Text and link-text characters under an element, boilerplate left out.
fn counts(el: ElementRef<'_>) -> (usize, usize) {
    let (mut all, mut links) = (0, 0);
    for child in el.children() {
        match child.value() {
            Node::Text(t) => all += text_chars(t),
            Node::Element(_) => {
                let Some(child) = ElementRef::wrap(child) else { continue };
                if is_boilerplate(child) {
                    continue;
                }
                let (a, l) = counts(child);
                all += a;
                links += if child.value().name() == "a" { a } else { l };
            }
            _ => {}
        }
    }
    (all, links)
}

/// The block holding the page's main text, or None when no block holds enough sentence text.
fn main_block<'a>(root: ElementRef<'a>) -> Option<ElementRef<'a>> {
    let mut scores: Vec<(ElementRef<'a>, f64)> = Vec::new();
    let mut add = |el: ElementRef<'a>, score: f64| match scores.iter_mut().find(|(e, _)| *e == el) {
        Some((_, s)) => *s += score,
        None => scores.push((el, score)),
    };
    let mut stack = vec![root];
    while let Some(el) = stack.pop() {
        // Link text is not sentence text: a page of links has no paragraphs.
        if is_boilerplate(el) || el.value().name() == "a" {
            continue;
        }
        // A paragraph: a `<p>`, or any element with sentence text of its own (text broken by `<br>`).
        let own: String = el.children().filter_map(|c| c.value().as_text().map(|t| t.to_string())).collect();
        let paragraph_text = if el.value().name() == "p" { el.text().collect::<String>() } else { own };
        let chars = text_chars(&paragraph_text);
        if chars >= 10 {
            let score = 1.0 + punctuation(&paragraph_text) as f64 + (chars as f64 / 50.0).min(5.0);
            let mut target =
                if el.value().name() == "p" { el.parent().and_then(ElementRef::wrap) } else { Some(el) };
            for share in [1.0, 0.5, 1.0 / 3.0] {
                let Some(t) = target else { break };
                add(t, score * share);
                target = t.parent().and_then(ElementRef::wrap);
            }
        }
        stack.extend(el.children().filter_map(ElementRef::wrap));
    }
    scores
        .into_iter()
        .filter_map(|(el, score)| {
            let (all, links) = counts(el);
            let text = all.saturating_sub(links);
            (text >= 20).then(|| (el, score * (1.0 - links as f64 / all.max(1) as f64)))
        })
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(el, _)| el)
}

/// Writes the text under `el` a line per block, boilerplate left out.
fn write_text(el: ElementRef<'_>, line: &mut String, lines: &mut Vec<String>) {
    for child in el.children() {
        match child.value() {
            Node::Text(t) => line.push_str(t),
            Node::Element(e) => {
                let Some(child) = ElementRef::wrap(child) else { continue };
                if is_boilerplate(child) {
                    continue;
                }
                let block = BLOCKS.contains(&e.name());
                if block {
                    flush(line, lines);
                }
                write_text(child, line, lines);
                if block {
                    flush(line, lines);
                }
            }
            _ => {}
        }
    }
}

fn flush(line: &mut String, lines: &mut Vec<String>) {
    let collapsed = collapse(line);
    if !collapsed.is_empty() {
        lines.push(collapsed);
    }
    line.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html>
<html><head><meta charset="utf-8">
<title>外交部发言人就某事答记者问_中华人民共和国外交部</title>
<meta name="PubDate" content="2019-06-05 10:32">
<link rel="canonical" href="https://www.example.gov/statement/1.html">
<script>var menu = "首页 新闻 外交部长";</script><style>p { color: red }</style></head>
<body>
<div class="nav"><a href="/">首页</a> <a href="/a">外交动态</a> <a href="/b">外交部长活动和讲话</a></div>
<header><p>中华人民共和国外交部网站欢迎您访问本站。</p></header>
<div id="content">
<h1>外交部发言人就某事答记者问</h1>
<!-- 编辑注释：这段不是正文，不要出现。 -->
<p>问：中俄两国元首于6月5日在莫斯科举行会谈，双方签署了联合声明。你能否介绍有关情况？</p>
<p>答：习近平主席同普京总统举行会谈，双方一致同意深化新时代全面战略协作伙伴关系。</p>
<p>双方还签署了经贸、能源、人文等领域的多项合作文件。</p>
</div>
<div class="related"><ul><li><a href="/c">中方对某事表示欢迎，欢迎更多国家加入。</a></li><li><a href="/d">另一条相关新闻的标题比较长一些，也是链接。</a></li></ul></div>
<div class="footer">版权所有：中华人民共和国外交部。地址：北京市朝阳区。</div>
</body></html>"#;

    #[test]
    fn main_text_without_navigation_scripts_comments_and_boilerplate() {
        let source = read_html(PAGE.as_bytes()).unwrap();
        let lines: Vec<&str> = source.text.lines().collect();
        assert_eq!(lines[0], "外交部发言人就某事答记者问");
        assert!(lines[1].starts_with("问：中俄两国元首"), "{lines:?}");
        assert_eq!(lines.len(), 4, "{lines:?}");
        for junk in ["首页", "var menu", "color", "编辑注释", "相关新闻", "版权所有", "欢迎您访问"]
        {
            assert!(!source.text.contains(junk), "`{junk}` is left out: {}", source.text);
        }
        assert_eq!(source.title.as_deref(), Some("外交部发言人就某事答记者问"));
        assert_eq!(source.date, Date::ymd(2019, 6, 5));
        assert_eq!(source.url.as_deref(), Some("https://www.example.gov/statement/1.html"));
        assert_eq!(source.format, Format::Html);
    }

    #[test]
    fn a_page_of_links_has_no_main_text() {
        let page = r#"<html><body><ul><li><a href="1">中华人民共和国和俄罗斯联邦联合声明全文发布</a></li>
<li><a href="2">中华人民共和国和蒙古国关于新时代推进全面战略伙伴关系的联合声明</a></li></ul>
<script>document.write("正文由脚本生成，这里只有很多很多的中文字符。")</script></body></html>"#;
        assert_eq!(read_html(page.as_bytes()), Err(InputError::NoMainText));
    }

    #[test]
    fn declared_charsets_and_titles_from_title_elements() {
        let page = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">\
<title>中蒙联合声明（全文）--时政--人民网</title><meta property=\"og:url\" content=\"http://example.org/a.html\"></head>\
<body><div><p>中华人民共和国和蒙古国关于新时代推进全面战略伙伴关系的联合声明，双方一致同意。</p></div></body></html>";
        let bytes = encoding_rs::GBK.encode(page).0;
        let source = read_html(&bytes).unwrap();
        assert_eq!(source.encoding, Encoding::Gb18030);
        assert_eq!(source.title.as_deref(), Some("中蒙联合声明（全文）"));
        assert_eq!(source.url.as_deref(), Some("http://example.org/a.html"));
        assert!(source.text.contains("全面战略伙伴关系"));
    }

    #[test]
    fn dates_in_page_metadata() {
        let table = [
            ("2019-06-05T10:00:00+08:00", Date::ymd(2019, 6, 5)),
            ("2019/6/5", Date::ymd(2019, 6, 5)),
            ("2022年11月28日 20:31", Date::ymd(2022, 11, 28)),
            ("20240124", Date::ymd(2024, 1, 24)),
            ("June 2019", None),
        ];
        for (value, date) in table {
            assert_eq!(parse_date(value), date, "{value}");
        }
    }
}
