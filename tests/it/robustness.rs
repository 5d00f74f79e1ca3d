//! Arbitrary input through the text and extract stages: no panic, every span inside the text, every
//! mention's surface equal to the normalized text of its span. A seeded generator keeps it repeatable.

use diplograph::pipeline;
use diplograph::text::NormText;
use unicode_normalization::UnicodeNormalization;

/// xorshift64*: a small deterministic generator, so a failure can be replayed from its seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Pieces that exercise the recognizers: names, titles, dates, punctuation, line breaks, junk.
const PIECES: &[&str] = &[
    "中华人民共和国",
    "俄罗斯联邦",
    "中俄",
    "蒙方",
    "总统",
    "普京",
    "习近平",
    "·",
    "•",
    "《",
    "》",
    "〈",
    "〉",
    "“",
    "”",
    "联合声明",
    "条约",
    "于2019年6月5日至7日",
    "二〇二二年十一月二十八日",
    "对",
    "进行国事访问",
    "应",
    "邀请",
    ",",
    "。",
    "\n",
    "\n\n",
    "　　",
    " ",
    "新华社莫斯科6月5日电",
    "(上接第一版)",
    "签署了",
    "全面战略伙伴关系",
    "中蒙俄经济走廊",
    "“一带一路”",
    "上海合作组织",
    "援",
    "项目",
    "a",
    "1",
    "\u{0}",
    "\u{FFFD}",
    "𠀀",
    "é",
    "\r\n",
    "23\n",
    "—",
    "-",
    "尊敬的",
    "同",
    "会见",
    "主席",
    "第二十三届",
    "国际经济论坛",
    "峰会",
    "高峰论坛",
    "双方一致认为应当进一步加强各领域务实合作\n",
];

fn random_text(rng: &mut Rng) -> String {
    let pieces = rng.below(80);
    (0..pieces).map(|_| PIECES[rng.below(PIECES.len())]).collect()
}

fn check(name: &str, bytes: &[u8]) {
    let Ok(docs) = pipeline::analyze(name, bytes) else { return };
    let original: Vec<char> = String::from_utf8_lossy(bytes).chars().collect();
    let decoded =
        diplograph::text::decode(bytes).map(|(t, _)| t.chars().collect::<Vec<char>>()).unwrap_or(original);
    for doc in &docs {
        assert!(doc.span.start <= doc.span.end && doc.span.end <= decoded.len(), "{name}: document span");
        for m in &doc.mentions {
            assert!(m.start < m.end && m.end <= decoded.len(), "{name}: mention span {}..{}", m.start, m.end);
            // The surface is the span normalized in context: its characters are, in order, the
            // normalized characters of the span (context may also drop a page number or a space).
            let span: String = decoded[m.start..m.end].iter().collect();
            let normalized: Vec<char> =
                NormText::new(&span).as_str().chars().filter(|c| !c.is_whitespace()).collect();
            let spanned: Vec<char> = fast2s::convert(&span)
                .chars()
                .filter(|c| !c.is_whitespace())
                .flat_map(|c| std::iter::once(c).nfkc().collect::<Vec<_>>())
                .map(|c| if "•・.‧∙⋅･".contains(c) { '·' } else { c })
                .collect();
            let dot = |c: char| if "•・.‧∙⋅･".contains(c) { '·' } else { c };
            let surface: Vec<char> = m.surface.chars().filter(|c| !c.is_whitespace()).map(dot).collect();
            let normalized: Vec<char> = normalized.into_iter().map(dot).collect();
            let mut rest = spanned.iter();
            assert!(
                surface.iter().all(|c| rest.any(|s| s == c)),
                "{name}: `{}` is not within {span:?}",
                m.surface
            );
            assert_eq!(
                surface.last(),
                normalized.last().or(spanned.last()),
                "{name}: `{}` ends where {span:?} ends",
                m.surface
            );
        }
        for f in &doc.facts {
            assert!(
                f.sentence.start <= f.sentence.end && f.sentence.end <= decoded.len(),
                "{name}: fact span"
            );
        }
    }
}

#[test]
fn random_documents_never_panic_and_keep_offsets_inside() {
    let mut rng = Rng(0x5EED_D1B1_0C4A);
    for case in 0..1500 {
        let text = random_text(&mut rng);
        check(&format!("case {case}"), text.as_bytes());
    }
}

#[test]
fn random_bytes_never_panic() {
    let mut rng = Rng(0x00B1_7E5B_17E5);
    for case in 0..1500 {
        let len = rng.below(400);
        let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        check(&format!("bytes {case}"), &bytes);
        // Truncated UTF-8: a valid text cut inside a character.
        let text = random_text(&mut rng);
        let cut = rng.below(text.len() + 1);
        check(&format!("truncated {case}"), &text.as_bytes()[..cut]);
    }
}

#[test]
fn one_long_line_is_handled() {
    let line = "双方同意加强在上海合作组织框架内的合作,".repeat(20_000);
    let docs = pipeline::analyze("long.txt", line.as_bytes()).unwrap();
    assert_eq!(docs.len(), 1);
    assert!(docs[0].mentions.len() >= 20_000);
}
