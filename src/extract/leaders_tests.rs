//! Tests of leader names: what a name is, where it ends, and the words that are none.

use super::super::extract;
use super::*;

fn leaders(text: &str) -> Vec<String> {
    extract(text, Lexicon::get()).into_iter().filter(|m| m.kind == Kind::Leader).map(|m| m.surface).collect()
}

#[test]
fn a_guest_named_bare_in_the_report_stays_a_name() {
    // A news report names its guest once with the office, then bare before verbs of speaking.
    let text = "韩正会见新加坡副总理黄志明。黄志明表示,愿深化合作。黄志明说,感谢中方。黄志明指出,前景广阔。黄志明还谈到教育合作。";
    assert_eq!(leaders(text).iter().filter(|n| *n == "黄志明").count(), 5, "{:?}", leaders(text));
}

#[test]
fn a_guest_named_bare_before_the_days_of_the_trip_stays_a_name() {
    // A report of a tour names its traveller once with the office, then bare before each day.
    let text = "韩国国务总理李洛渊13日起对孟加拉国进行正式访问。李洛渊13日下午前往孟加拉国。\
                李洛渊首先于15至17日对塔吉克斯坦进行访问。17至19日,李洛渊将访问吉尔吉斯斯坦。\
                李洛渊将对卡塔尔进行访问。李洛渊将于22日上午返回韩国。";
    assert_eq!(leaders(text).iter().filter(|n| *n == "李洛渊").count(), 6, "{:?}", leaders(text));
}

#[test]
fn a_list_of_officials_is_no_body_and_a_foreign_name_needs_no_country() {
    // Each official of a list is an office and a name, not a body running on to 国民议会.
    let text = "吴邦国将分别会见加蓬总统邦戈、参议长科尼凯、国民议会议长恩达马等加主要领导人。";
    assert_eq!(leaders(text), ["吴邦国", "邦戈", "科尼凯", "恩达马"]);
    // A transliterated name after an office no country qualifies (the country comes after the list).
    assert_eq!(leaders("他将同参议长纳马尼和众议长马萨里等尼日利亚领导人会晤。"), ["纳马尼", "马萨里"]);
    // A word of transliteration characters shorter than three is no name for it.
    assert!(leaders("他同参议长萨摩会晤。").is_empty());
    // An office that is a country's name too is the country before a region's name.
    assert!(leaders("中国赴苏丹达尔富尔维和部队出发。").is_empty());
    // A cabinet between the country and the office still qualifies it.
    assert_eq!(leaders("李进军与朝鲜内阁副总理全光虎一同观看演出。"), ["全光虎"]);
}

#[test]
fn words_after_or_before_an_office_that_are_no_names() {
    assert_eq!(leaders("缅甸总理吴貌貌卡到机场送行。"), ["吴貌貌卡"]);
    assert_eq!(leaders("缅甸总理吴貌貌卡、外长吴拉蓬以及其他国务委员送行。"), ["吴貌貌卡", "吴拉蓬"]);
    assert_eq!(leaders("越南国家主席阮春福卸任国家主席岗位上的工作。"), ["阮春福"]);
    assert!(leaders("欢迎仪式按照国家元首最高规格举行。").is_empty());
    assert_eq!(leaders("尼赫鲁同赫鲁晓夫和苏联其他领导人会晤。"), ["尼赫鲁", "赫鲁晓夫"]);
    assert!(leaders("俄方干预前两届美国总统大选和总统选举。").is_empty());
    // Verbs and a document's kind right after a name end it.
    assert_eq!(leaders("他将出席由立陶宛总统吉塔纳斯·瑙塞达主办的晚宴。"), ["吉塔纳斯·瑙塞达"]);
    assert!(leaders("签字后,江泽民同俄总统回答了记者的提问。").iter().all(|n| n != "回答"));
    assert!(leaders("尹锡悦将会见北约秘书长讨论合作方案。").iter().all(|n| !n.starts_with("讨论")));
}

#[test]
fn a_headline_runs_chinese_leaders_names_together() {
    assert_eq!(leaders("胡耀邦彭真邓颖超分别会见二阶堂进"), ["胡耀邦", "彭真", "邓颖超"]);
    assert_eq!(
        leaders("李克强栗战书汪洋王沪宁赵乐际韩正出席"),
        ["李克强", "栗战书", "汪洋", "王沪宁", "赵乐际", "韩正"]
    );
    // Not a short name inside a foreign one.
    assert!(!leaders("秘书长提姆·布莱尔克里夫多次称赞").contains(&"克里".to_owned()));
}

#[test]
fn a_known_short_name_acting_alone_is_a_leader_and_inside_a_word_none() {
    assert_eq!(leaders("普京抵达新德里,开始对印度进行国事访问。"), ["普京"]);
    assert_eq!(leaders("习近平同普京举行会谈。"), ["习近平", "普京"]);
    assert!(leaders("中韩正式建交三十周年。").is_empty());
    assert!(leaders("眼前一片汪洋在望。").is_empty());
}

#[test]
fn a_one_character_form_before_a_heads_office_qualifies_it() {
    assert_eq!(leaders("江泽民会见了以总理拉宾为首的以色列代表团。"), ["江泽民", "拉宾"]);
    assert_eq!(leaders("泰总理差猜表示,愿加强合作。"), ["差猜"]);
    // A surname or a word before an office that a form does not qualify (主席, 书记).
    assert!(leaders("毛主席纪念堂遗物展开幕。").is_empty());
    assert!(leaders("各市委书记先后发言。").is_empty());
    assert!(leaders("他以总统身份出席。").is_empty());
    assert!(leaders("他以总理身分访华。").is_empty());
}

#[test]
fn a_name_ends_before_a_meeting_or_a_doctors_title() {
    assert_eq!(leaders("他也将与海南省委书记冯飞会面。"), ["冯飞"]);
    assert_eq!(leaders("外交部长维文医生将陪同。"), ["维文"]);
}

#[test]
fn the_other_side_joined_by_yu_is_not_of_the_first_ones_country() {
    let lexicon = Lexicon::get();
    let text = "中国驻布隆迪大使李昌林与布外交部长埃策希尔·尼比吉拉共同签署了交接证书。";
    let china = lexicon.gazetteer.countries.iter().position(|c| c.id == "CN");
    let minister = extract(text, lexicon).into_iter().find(|m| m.surface == "埃策希尔·尼比吉拉");
    assert!(minister.as_ref().is_some_and(|m| m.country != china), "{minister:?}");
}

#[test]
fn names_after_offices_and_greetings() {
    assert_eq!(leaders("蒙古国总统乌赫那·呼日勒苏赫于2022年11月27日访华。"), ["乌赫那·呼日勒苏赫"]);
    assert_eq!(
        leaders("应某国总统德·阿·梅德韦杰夫邀请。梅德韦杰夫总统表示"),
        ["德·阿·梅德韦杰夫", "梅德韦杰夫"]
    );
    assert_eq!(leaders("尊敬的拉马福萨总统,"), ["拉马福萨"]);
    // A verb (进行) or the aspect particle (了) ends a transliterated name's last part.
    assert_eq!(leaders("和柬埔寨王国政府首相福·波伦进行了会谈。"), ["福·波伦"]);
    assert_eq!(leaders("某国总统约·库玛了解到"), ["约·库玛"]);
    // The aspect particle after the verb is not part of the name.
    assert_eq!(leaders("江泽民会见了藤森总统。"), ["江泽民", "藤森"]);
    // 会见 inside 机会 greets no one; 书记 inside 总书记 is no office after a name.
    assert!(leaders("朱婷说,这次有机会见到总书记。").is_empty());
    assert_eq!(leaders("王毅会见到总书记。"), ["王毅"]);
    assert_eq!(leaders("丁薛祥、王毅、何立峰等参加有关活动。"), ["丁薛祥", "王毅", "何立峰"]);
    // A verb of disclosing ends a name.
    assert_eq!(leaders("克里姆林宫发言人德米特里·佩斯科夫披露,双方已达成一致。"), ["德米特里·佩斯科夫"]);
    assert_eq!(leaders("也门人权部长阿斯卡尔透露,双方交换了战俘。"), ["阿斯卡尔"]);
    // A transliterated name found once after an office is a name wherever it recurs.
    assert_eq!(leaders("乌克兰总统波罗申科出席。波罗申科也先与默克尔交换了意见。波罗申科抱怨。").len(), 4);
    // Without an act: after a word for leaders, or with two known leaders in the list.
    assert_eq!(
        leaders("前往机场欢迎的还有朝鲜党政领导人朴成哲、李钟玉、吴德等。"),
        ["朴成哲", "李钟玉", "吴德"]
    );
    assert_eq!(leaders("欢迎的领导人吴德、李钟玉等。"), ["吴德", "李钟玉"]);
    assert_eq!(
        leaders("欢迎的领导同志有:黄永胜、张春桥、李先念、郭沫若以及吴德等。"),
        ["黄永胜", "张春桥", "李先念", "郭沫若", "吴德"]
    );
    // Places listed without a word for leaders are no names; one known leader needs an act.
    assert!(leaders("访问了上海、杭州、广州等地。").is_empty());
    assert_eq!(leaders("他会见了李先念、上海、杭州等。"), ["李先念"]);
    assert!(leaders("其他信息").is_empty());
    assert_eq!(leaders("美国总统威廉·J·克林顿在白宫"), ["威廉·J·克林顿"]);
    assert!(leaders("中方支持哈方担任主席国工作。").is_empty());
    // A known short name (克里) opening a longer one bounded by its office is not that leader.
    assert_eq!(leaders("习近平同克里斯琴总统会谈。"), ["习近平", "克里斯琴"]);
    assert_eq!(leaders("习近平同克里国务卿会谈。"), ["习近平", "克里"]);
    // A conjunction before a list mark ends a name; an office listed after a leader shares its country.
    assert_eq!(leaders("分别会见了韩国国会议长郑义和、国务总理郑烘原。"), ["郑义和", "郑烘原"]);
    assert_eq!(leaders("会见了韩国国会议长郑义和国务总理。"), ["郑义"]);
    // A longer transliteration followed by the original name in brackets.
    assert_eq!(leaders("在堪培拉会见澳大利亚总督柯兹葛洛夫(Peter Cosgrove)。"), ["柯兹葛洛夫"]);
    assert!(leaders("会见澳大利亚总督并发表了重要讲话(Speech)。").is_empty());
    // An office held with another (兼) is qualified by the first's country.
    assert_eq!(leaders("老挝副总理兼外长沙伦赛将访华。"), ["沙伦赛"]);
    // A council of state's member and a rotating chair are offices.
    assert_eq!(
        leaders("缅甸总理吴貌貌卡、国务委员会委员吴当基、外长吴拉蓬出席。"),
        ["吴貌貌卡", "吴当基", "吴拉蓬"]
    );
    assert_eq!(leaders("同卢旺达总统、非盟轮值主席卡加梅会晤。"), ["卡加梅"]);
    // 与 between two fields of one ministry opens no name; between two names it still does.
    assert_eq!(
        leaders("俄罗斯国防部长别洛乌索夫、自然资源与生态部长科兹洛夫出席。"),
        ["别洛乌索夫", "科兹洛夫"]
    );
    assert_eq!(leaders("王毅与拉夫罗夫部长会谈。"), ["王毅", "拉夫罗夫"]);
    // …and so is a minister's second ministry after 兼 (兼水利和电力部长).
    assert_eq!(leaders("印度交通部长拉姆,计划部长兼水利和电力部长南达出席。"), ["拉姆", "南达"]);
}

#[test]
fn hyphenated_regnal_and_long_transliterated_names() {
    // Double names joined by a hyphen, and an office listed after its holder with 和.
    assert_eq!(leaders("加纳总统阿库福-阿多和副总统巴武米亚出席。"), ["阿库福-阿多", "巴武米亚"]);
    assert_eq!(leaders("伊拉克总理阿卜杜勒-迈赫迪表示。"), ["阿卜杜勒-迈赫迪"]);
    assert_eq!(leaders("约旦国王阿卜杜拉二世出席。"), ["阿卜杜拉二世"]);
    assert_eq!(leaders("斯里兰卡总理维克勒马辛哈出席。"), ["维克勒马辛哈"]);
    // A run of ordinary characters after an office is no name, however long.
    assert!(leaders("斯里兰卡总理办公室发表声明表示。").is_empty());
}

#[test]
fn function_words_and_offices_bound_transliterated_names() {
    // The word before a name after an office is not part of it, nor the office after it.
    assert_eq!(leaders("蒙古国总理张三与约翰·史密斯总理举行会谈。"), ["张三", "约翰·史密斯"]);
    // The field of a ministry before 部长 is not a name when a name follows the office.
    assert_eq!(leaders("随访的有蒙古国财政和经济规划部长彼得·琼斯。"), ["彼得·琼斯"]);
    let found = extract("王毅会见埃塞俄比亚总理特使、前总统穆拉图。", Lexicon::get());
    assert!(found.iter().any(|m| m.surface == "穆拉图" && m.country.is_some()), "{found:?}");
    let found = extract("同日,王毅还与南非国际关系与合作部长潘多尔举行了会谈。", Lexicon::get());
    assert!(found.iter().any(|m| m.surface == "潘多尔" && m.country.is_some()), "{found:?}");
    // A modal before a verb is not the name's last character; inside a name it is one.
    assert_eq!(leaders("秘鲁工业部长维克托·许会拜会了中国经贸部长李岚清。"), ["维克托·许", "李岚清"]);
    assert_eq!(leaders("韩国总理李会昌表示,愿深化合作。"), ["李会昌"]);
    // A trade representative holds an office, and the list goes on after it.
    assert_eq!(
        leaders("如美国财政部长本特森、贸易代表坎特、农业部长埃斯皮等都会晤了中国高级官员。"),
        ["本特森", "坎特", "埃斯皮"]
    );
    // A party's secretary-general is an office; a company's president is not one.
    assert_eq!(leaders("王岐山还会见了日本自民党干事长二阶俊博。"), ["王岐山", "二阶俊博"]);
    assert_eq!(leaders("沙特水电项目公司总裁哈立德表示。"), Vec::<String>::new());
    // A party's vice-president is a leader; a company's president for a country is not.
    assert_eq!(leaders("日本自民党副总裁二阶堂进今天到达北京。"), ["二阶堂进"]);
    // A three-character Japanese family name leaves room for a given name of two.
    assert_eq!(leaders("莫迪在新德里接见日本防卫大臣小野寺五典时宣布出访日本。"), ["莫迪", "小野寺五典"]);
    assert_eq!(leaders("日本防卫大臣岩屋毅访华。"), ["岩屋毅"]);
    // A Malaysian honorific between the office and the name is not the name.
    assert_eq!(leaders("岸田将与马来西亚首相拿督斯里安华举行会谈。"), ["岸田", "安华"]);
    assert!(leaders("霍尼韦尔中国总裁余锋表示,展位扩大。").is_empty());
    // A city's mayor listed after an ambassador is of no country the list gives.
    let found = extract("中国驻爱尔兰大使岳晓勇、都柏林市长尼亚尔·林出席。", Lexicon::get());
    let mayor = found.iter().find(|m| m.surface == "尼亚尔·林").expect("尼亚尔·林");
    assert_eq!(mayor.country, None);
}

#[test]
fn a_name_ends_before_a_verb_of_visiting() {
    assert_eq!(leaders("1960年,几内亚总统杜尔访华。"), ["杜尔"]);
    assert_eq!(leaders("吉尔吉斯斯坦外交部长艾达尔别科夫将于2月19日访华。"), ["艾达尔别科夫"]);
    assert_eq!(leaders("埃及外长舒克里先后访华。"), ["舒克里"]);
    let found = extract("吉尔吉斯斯坦外交部长艾达尔别科夫将访华。", Lexicon::get());
    assert!(found.iter().any(|m| m.surface == "艾达尔别科夫" && m.country.is_some()), "{found:?}");
    // What stands between an office and 访 is no name (此次, 陛下, 后首访).
    assert!(leaders("美国总统此次访华,泰国国王陛下访华,中共中央总书记后首访欧洲。").is_empty());
    assert!(leaders("习近平担任中共中央总书记后首赴外地考察。") == ["习近平"]);
}

#[test]
fn honorifics_and_quotation_marks_bound_names() {
    assert_eq!(leaders("习近平同努尔兰·叶尔麦克巴耶夫阁下举行会谈。"), ["习近平", "努尔兰·叶尔麦克巴耶夫"]);
    assert_eq!(leaders("感谢约翰·史密斯先生的发言。"), ["约翰·史密斯"]);
    assert!(leaders("感谢张先生的发言。").is_empty());
    assert_eq!(leaders("中共中央总书记、国家主席习近平出席。"), ["习近平"]);
}

#[test]
fn an_office_shared_by_two_countries_has_no_name_after_it() {
    assert!(leaders("双方回顾了中德总理年度会晤的成果。").is_empty());
    assert!(leaders("中俄印外长第十五次会晤将在新德里举行。").is_empty());
    assert_eq!(leaders("德国总理朔尔茨表示。"), ["朔尔茨"]);
    assert!(leaders("愿同阿方一道,共同落实好习主席访问成果。").iter().all(|n| n.starts_with('习')));
    assert!(leaders("这是中国国家主席时隔13年再次访问。").is_empty());
    // A verb before 了 is no part of a name found after an office.
    assert!(!leaders("农业农村部部长张三丰作了报告。").contains(&"张三丰作".to_owned()));
    // An office inside a longer title: the name follows the whole title, and 博士 is no part of it.
    assert_eq!(leaders("美国总统助理亨利·基辛格博士。"), ["亨利·基辛格"]);
}

#[test]
fn a_short_name_is_the_known_leader_named_in_full() {
    let text = "应邀访华的印度共和国总理曼莫汉·辛格表示。习近平会见了辛格总理。";
    let mentions = extract(text, Lexicon::get());
    let keys: Vec<&Key> = mentions.iter().filter(|m| m.surface.ends_with("辛格")).map(|m| &m.key).collect();
    assert_eq!(keys.len(), 2, "{mentions:?}");
    assert!(keys.iter().all(|k| matches!(k, Key::Leader(_)) && *k == keys[0]), "{keys:?}");
}

#[test]
fn office_automaton_finds_what_the_office_pattern_finds() {
    let text = "国家主席习近平、国务院总理李强、全国人大常委会委员长、外交部长王毅、副总统和总统府、\
                俄罗斯联邦总统普京、政府总理兼外长、首相、国王陛下和王储兼首相";
    let by_pattern: Vec<(usize, usize)> =
        Lexicon::get().offices.pattern.find_iter(text).map(|m| (m.start(), m.end())).collect();
    let by_automaton: Vec<(usize, usize)> =
        Lexicon::get().offices.automaton.find_iter(text).map(|m| (m.start(), m.end())).collect();
    assert!(by_pattern.len() >= 8, "{by_pattern:?}");
    assert_eq!(by_automaton, by_pattern);
}

#[test]
fn greetings_found_in_windows_are_those_found_in_the_whole_text() {
    let filler = "双方一致认为应当进一步加强各领域务实合作。".repeat(5);
    let texts = [
        "尊敬的拉马福萨总统,尊敬的各位来宾。".to_owned(),
        format!("{filler}习近平主席同托卡耶夫总统举行会谈。{filler}感谢阿尔贝托·费尔南德斯总统。"),
        format!("与MBS王储会见,及穆罕默德·本·萨勒曼·阿勒沙特王储兼首相{filler}"),
        format!("{filler}同总统总理"),
        "和".repeat(40) + "普京总统",
    ];
    for text in &texts {
        let whole: Vec<(usize, usize, &str)> = Lexicon::get()
            .offices
            .greeting
            .captures_iter(text)
            .map(|c| {
                let (name, office) = (c.name("name").unwrap(), c.name("office").unwrap());
                (name.start(), name.end(), office.as_str())
            })
            .collect();
        let offices: Vec<(usize, usize)> =
            Lexicon::get().offices.pattern.find_iter(text).map(|m| (m.start(), m.end())).collect();
        let windowed = greetings(text, offices, &Lexicon::get().offices);
        assert!(!whole.is_empty() || text.starts_with("和"), "{text}");
        assert_eq!(windowed, whole, "{text}");
    }
}

#[test]
fn a_reception_listed_with_commas_after_an_office_holder_is_of_leaders() {
    // Older reports list a reception with commas: each office after a named office holder.
    let text = "到机场欢迎的有印度总理尼赫鲁,内政部长潘特,教育部长阿扎德。";
    assert_eq!(leaders(text), ["尼赫鲁", "潘特", "阿扎德"]);
    let found = extract(text, Lexicon::get());
    let india = Lexicon::get().gazetteer.country_index("IN");
    let pant = found.iter().find(|m| m.surface == "潘特").expect("潘特");
    assert_eq!(pant.country, india, "listed after India's prime minister");
    // A comma after a bare name lists nothing: 部长 alone names no one.
    assert!(leaders("他们见到了尼赫鲁,随后部长潘特到达。").iter().all(|n| n != "潘特"));
}

#[test]
fn a_known_name_or_country_heading_a_longer_name_after_an_office_is_part_of_it() {
    // Katju and Malaviya begin with a known name (卡特) and a country (马拉维); a minister's field may be
    // long and join two fields.
    let text = "印度总理尼赫鲁,国防部长卡特朱,交通部长拉姆,天然资源和科学研究部长马拉维亚和其他部长们出席。";
    assert_eq!(leaders(text), ["尼赫鲁", "卡特朱", "拉姆", "马拉维亚"]);
    assert!(!extract(text, Lexicon::get()).iter().any(|m| m.kind == Kind::Country && m.surface == "马拉维"));
    // A word run on to a known name is no part of it.
    assert_eq!(leaders("胡锦涛会见美国国务卿鲍威尔时,表示欢迎。"), ["胡锦涛", "鲍威尔"]);
    assert_eq!(leaders("习近平同印度总理莫迪继续举行会晤。"), ["习近平", "莫迪"]);
    // Even where an office is listed after it: 会见 opens no list.
    assert_eq!(leaders("会见法国总统马克龙时,外交部长王毅表示欢迎。"), ["马克龙", "王毅"]);
}

#[test]
fn a_ministry_named_before_its_minister_and_offices_listed_after_a_holder_name_leaders() {
    // 纺织工业部部长 names its body; the offices listed after its holder are of leaders too.
    let text = "陪同团团长、纺织工业部部长吴文英,广东省副省长杨德元、广州市市长朱森林同他们握手。";
    assert_eq!(leaders(text), ["吴文英", "杨德元", "朱森林"]);
    assert_eq!(leaders("越共中央办公室主任黎明兴,中央对外部部长黎怀忠等到机场迎接。"), ["黎明兴", "黎怀忠"]);
    // A word after a minister's title that names a kind of meeting is no name.
    assert!(leaders("双方同意举行公安、内务部部长年度会晤。").is_empty());
}

#[test]
fn a_short_chinese_name_joined_to_a_long_one_is_a_name() {
    assert_eq!(leaders("布什会晤了江泽民与李鹏,并分别与他俩举行了会谈。"), ["布什", "江泽民", "李鹏"]);
    // Inside a word it is none (李鹏飞 is no 李鹏).
    assert!(!leaders("江泽民与李鹏飞交谈。").contains(&"李鹏".to_owned()));
}

#[test]
fn a_party_centre_qualifies_a_rank_and_a_weekday_ends_a_name() {
    assert_eq!(leaders("匈牙利党中央第一书记卡达尔星期日到达莫斯科。"), ["卡达尔"]);
    let found = extract("匈牙利党中央第一书记卡达尔到达莫斯科。", Lexicon::get());
    let kadar = found.iter().find(|m| m.surface == "卡达尔").expect("卡达尔");
    assert_eq!(kadar.country, Lexicon::get().gazetteer.country_index("HU"));
}

#[test]
fn a_party_committees_secretary_and_a_ministry_listed_after_another_office() {
    assert_eq!(leaders("以越共中央政治局委员、河内市委书记黄忠海为首的代表团抵达。"), ["黄忠海"]);
    assert_eq!(leaders("江西省委书记刘奇多次指出。"), ["刘奇"]);
    assert_eq!(leaders("越南河内市委书记黄忠海礼节性拜访老挝总理通伦。"), ["黄忠海", "通伦"]);
    assert_eq!(leaders("我们始终记着田中前首相和大平前外相的努力。"), ["大平"]);
    // 部长 after a list mark and a ministry's name is of the country of the office before it.
    let text = "朝鲜劳动党中央副委员长、宣传鼓动部部长朴光浩在平壤会见代表团。";
    let found = extract(text, Lexicon::get());
    let pak = found.iter().find(|m| m.surface == "朴光浩").expect("朴光浩");
    assert!(pak.country.is_some(), "{pak:?}");
    // Not another country's office after a list mark.
    let text = "英国皇家国际问题研究所主席、英国前外交大臣威廉·黑格勋爵表示。";
    let found = extract(text, Lexicon::get());
    let hague = found.iter().find(|m| m.kind == Kind::Leader).expect("黑格");
    assert!(hague.country.is_some(), "{hague:?}");
}

#[test]
fn a_regnal_number_follows_a_name_and_a_rank_ends_one() {
    assert_eq!(leaders("西班牙国王费利佩六世会见了他。"), ["费利佩六世"]);
    assert_eq!(leaders("缅甸宣传和文化部长苏敏上校也出席了。"), ["苏敏"]);
}

#[test]
fn a_french_double_name_with_a_single_dash_and_a_short_name_listed_after_an_officials() {
    assert_eq!(leaders("法国外长让·弗朗索瓦—蓬塞表示欢迎。"), ["让·弗朗索瓦—蓬塞"]);
    // A double dash is punctuation, not a joiner.
    assert!(leaders("法国外长让·弗朗索瓦——他表示欢迎。").iter().all(|n| !n.contains('—')));
    // 黄华 (a short gazetteer name) listed after an official's office is the leader.
    let found = leaders("耿飚、陈慕华副总理和黄华、申健等同乘专车离开平壤。");
    assert!(found.iter().any(|n| n == "黄华"), "{found:?}");
}

#[test]
fn a_ministers_title_opening_with_its_field_needs_no_country() {
    let found = leaders("代表团成员包括赞比里、交通部长陆兆福、通讯及数码部长法米,以及相关部门的官员。");
    assert!(found.contains(&"陆兆福".to_owned()) && found.contains(&"法米".to_owned()), "{found:?}");
    assert_eq!(leaders("贸工部长颜金勇将陪同。"), ["颜金勇"]);
    // Not a field inside a sentence's words (他在会上对部长说).
    assert!(leaders("他向各位部长表示感谢。").is_empty());
    assert!(leaders("龙岩市委常委、组织部长魏东说。").is_empty());
}

#[test]
fn a_blocked_phrase_after_an_office_holds_no_name() {
    assert!(leaders("这是有史以来日本天皇第一次访问越南。日本天皇有史以来首次访问越南。").is_empty());
    assert_eq!(leaders("芬兰总统尼尼斯托表示欢迎。"), ["尼尼斯托"], "a name holding a blocked place is kept");
}

#[test]
fn names_the_press_of_taiwan_gives_leaders_are_theirs() {
    let lexicon = Lexicon::get();
    let text = "土耳其总统艾尔段将与瑞典总理克里斯特森会谈,德国总统史坦麦尔表示欢迎。";
    let ids: Vec<&str> = extract(text, lexicon)
        .into_iter()
        .filter_map(|m| match m.key {
            Key::Leader(i) => Some(lexicon.gazetteer.leaders[i].id.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(ids, ["recep-tayyip-erdogan", "ulf-kristersson", "frank-walter-steinmeier"]);
}

#[test]
fn the_short_office_of_a_finance_minister_names_its_holder() {
    assert_eq!(leaders("布林肯及财长叶伦访问中国后,美国财长姆努钦表示欢迎。"), ["布林肯", "叶伦", "姆努钦"]);
}
