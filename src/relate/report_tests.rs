//! Tests of relation extraction on the ways news reports of other decades and places tell visits and
//! meetings (older verbs, escorts, lists that run past a comma, expected talks).

use super::tests::facts_dated;

/// The facts of `text` of `kind` (Visit, Meeting) in a document dated `date`.
fn of(kind: &str, text: &str, date: &str) -> Vec<String> {
    facts_dated(text, "", Some(date)).into_iter().filter(|f| f.starts_with(kind)).collect()
}

#[test]
fn an_older_verb_of_visiting_and_a_visit_told_without_its_verb_of_doing() {
    let v = of("Visit", "柯西金今天同前来苏联作正式访问的印度共和国总理英迪拉·甘地举行会谈。", "1971-09-28");
    assert!(v.iter().any(|f| f.contains("visitor=英迪拉·甘地 hostCountry=苏联")), "{v:?}");
    let v = of("Visit", "美国国务卿舒尔茨说,李先念主席1985年在美国访问时受到热烈欢迎。", "1987-03-03");
    assert!(
        v.iter().any(|f| f.contains("visitor=李先念 hostCountry=美国") && f.ends_with("1985..1985")),
        "{v:?}"
    );
}

#[test]
fn a_visit_named_before_its_visitor_and_the_one_who_escorts_guests() {
    let v = of(
        "Visit",
        "应万象市委书记辛拉冯·库派吞邀请对老挝进行工作访问期间,以越南河内市委书记黄忠海为首的代表团拜访老挝总理通伦。",
        "2017-11-24",
    );
    assert!(v.iter().any(|f| f.contains("visitor=黄忠海 hostCountry=老挝")), "{v:?}");
    let v = of("Visit", "陪同新西兰总理马尔登来广州访问的农林部部长沙风也到机场送行。", "1976-05-05");
    assert!(!v.iter().any(|f| f.contains("visitor=沙风")), "{v:?}");
}

#[test]
fn a_visit_to_come_takes_no_earlier_year_and_a_range_may_leave_out_its_first_day() {
    let v = of("Visit", "叶利钦回忆起1992年底在北京同江泽民的会晤,期待着江泽民访问俄罗斯。", "1994-06-28");
    assert!(
        v.iter().any(|f| f.contains("visitor=江泽民 hostCountry=俄罗斯") && !f.contains("1992")),
        "{v:?}"
    );
    let v = of("Visit", "日本首相岸田文雄正规划5月7到8日访问韩国。", "2023-05-02");
    assert!(v.iter().any(|f| f.ends_with("2023-05-07..2023-05-08")), "{v:?}");
}

#[test]
fn calls_on_a_list_that_runs_past_a_comma_are_one_meeting_each() {
    let m = of(
        "Meeting",
        "越南河内市委书记黄忠海今天礼节性拜访老挝人民革命党中央总书记、国家主席本扬·沃拉吉,老挝国会主席巴妮·雅陶都以及政府总理通伦·西苏里。",
        "2017-11-24",
    );
    assert_eq!(m.len(), 3, "{m:?}");
    assert!(m.iter().all(|f| f.contains("participant=黄忠海")), "{m:?}");
}

#[test]
fn talks_expected_are_not_told_and_a_reports_day_is_not_of_the_events_it_dates() {
    let m = of("Meeting", "路透社12日报道,越共总书记苏林将于18日访华并会见习近平。", "2024-08-15");
    assert!(m.iter().all(|f| f.ends_with("2024-08-18..2024-08-18")), "{m:?}");
    let m =
        of("Meeting", "习近平近日未公开露面,使他与越共总书记苏林可望进行的公开会面备受关注。", "2024-08-15");
    assert!(m.is_empty(), "{m:?}");
    let m = of("Meeting", "意大利副总理萨尔维尼称,其愿意与法国总统马克龙举行会晤。", "2019-02-11");
    assert!(m.is_empty(), "{m:?}");
}

#[test]
fn talks_within_a_visit_an_essay_recalls_take_the_visits_dates() {
    let text = "去年11月,习近平主席对西班牙进行了国事访问。访问期间,习近平主席分别同西班牙国王费利佩六世、首相桑切斯举行会谈。";
    let m = of("Meeting", text, "2019-02-16");
    assert_eq!(m.len(), 2, "{m:?}");
    assert!(m.iter().all(|f| f.ends_with("2018-11..2018-11")), "{m:?}");
    // A report of the day keeps the day.
    let text = "习近平主席今天抵达马德里,开始对西班牙进行国事访问。访问期间,习近平主席同首相桑切斯举行会谈。";
    let m = of("Meeting", text, "2018-11-27");
    assert!(m.iter().all(|f| f.ends_with("2018-11-27..2018-11-27")), "{m:?}");
}

#[test]
fn the_end_of_a_visit_made_at_an_invitation_or_unofficial() {
    let v = of(
        "Visit",
        "越共中央总书记阮富仲已抵达河内,圆满结束应奥巴马总统政府的邀请对美利坚合众国进行的正式访问之行。",
        "2015-07-12",
    );
    assert!(v.iter().any(|f| f.contains("visitor=阮富仲 hostCountry=美国")), "{v:?}");
    let v =
        of("Visit", "在巴基斯坦总统穆沙拉夫即将结束对印度的非正式访问之际,两国发表联合声明。", "2005-04-18");
    assert!(v.iter().any(|f| f.contains("visitor=穆沙拉夫 hostCountry=印度")), "{v:?}");
}

#[test]
fn a_delegation_met_is_met_in_its_head_named_before() {
    let text = "以金日成首相为首的朝鲜民主主义人民共和国政府代表团在中国进行了友好访问。\
                在访问期间,中华人民共和国主席毛泽东接见了朝鲜民主主义人民共和国政府代表团。";
    let m = of("Meeting", text, "1958-12-08");
    assert!(m.iter().any(|f| f.contains("毛泽东") && f.contains("金日成")), "{m:?}");
    // A delegation the document names no head of is no one met.
    let m = of("Meeting", "毛泽东接见了朝鲜民主主义人民共和国政府代表团。", "1958-12-08");
    assert!(m.is_empty(), "{m:?}");
}

#[test]
fn a_clause_before_or_after_talks_takes_the_next_clauses_subject() {
    let text = "发言人德米特里·佩斯科夫指出,双方存在分歧。在与普京会晤之前,乌克兰总统波罗申科也先与默克尔交换了意见。";
    let m = of("Meeting", text, "2014-10-17");
    assert!(m.iter().any(|f| f.contains("普京") && f.contains("波罗申科")), "{m:?}");
    assert!(!m.iter().any(|f| f.contains("佩斯科夫")), "{m:?}");
}

#[test]
fn talks_naming_no_one_are_those_of_the_leaders_listed_before() {
    let text = "新华网柏林2月8日电 德国总理默克尔、法国总统奥朗德、俄罗斯总统普京和乌克兰总统波罗申科当天上午举行电话会议,决定于11日在白俄罗斯首都明斯克举行会晤,商讨乌克兰危机。";
    let m = of("Meeting", text, "2015-02-09");
    assert_eq!(m.len(), 1, "{m:?}");
    for name in ["默克尔", "奥朗德", "普京", "波罗申科"] {
        assert!(m[0].contains(name), "{m:?}");
    }
    // A clause naming another leader comes between: the talks are not the list's.
    let text = "德国总理默克尔、法国总统奥朗德举行电话会议,俄罗斯总统普京当天表示,决定于11日举行会晤。";
    let m = of("Meeting", text, "2015-02-09");
    assert!(!m.iter().any(|f| f.contains("默克尔") && f.contains("奥朗德")), "{m:?}");
    // Leaders not listed together (one spoke of the other) hold no talks of their own.
    let text = "普京说,默克尔的立场没有变化,决定于11日举行会晤。";
    assert!(of("Meeting", text, "2015-02-09").is_empty());
}

#[test]
fn the_two_presidents_are_the_leaders_of_two_countries_just_named() {
    let text = "俄罗斯总统普京的专机当地时间23日晚降落在明斯克机场,白俄罗斯总统卢卡申科在机场迎接。两国总统将于24日在独立宫举行正式会谈。";
    let m = of("Meeting", text, "2024-05-23");
    assert_eq!(m.len(), 1, "{m:?}");
    assert!(
        m[0].contains("普京") && m[0].contains("卢卡申科") && m[0].ends_with("2024-05-24..2024-05-24"),
        "{m:?}"
    );
    // The plane's landing is the visit's first day.
    let v = of("Visit", text, "2024-05-23");
    assert!(
        v.iter().any(|f| f.contains("visitor=普京 hostCountry=白俄罗斯") && f.contains("2024-05-23..")),
        "{v:?}"
    );
    // Two leaders of one country are no two sides.
    let text = "俄罗斯总统普京和总理米舒斯京出席。两国总统将于24日举行会谈。";
    assert!(of("Meeting", text, "2024-05-23").is_empty());
}

#[test]
fn a_summit_two_leaders_hold_is_a_meeting() {
    let text = "日本首相小泉纯一郎昨与朝鲜领导人金正日举行战后首次高峰会,成功破冰。";
    let m = of("Meeting", text, "2002-09-18");
    assert!(m.iter().any(|f| f.contains("小泉纯一郎") && f.contains("金正日")), "{m:?}");
    // Hong Kong writes 峯, which conversion to simplified keeps.
    let m = of("Meeting", "日本首相小泉纯一郎昨与朝鲜领导人金正日举行战后首次高峯会。", "2002-09-18");
    assert!(m.iter().any(|f| f.contains("小泉纯一郎") && f.contains("金正日")), "{m:?}");
    // The mainland's 峰会, held by two leaders; not one held by countries.
    let text = "日本首相岸田文雄将于9月6日至7日访问首尔,与总统尹锡悦举行峰会。";
    let m = of("Meeting", text, "2024-09-03");
    assert!(m.iter().any(|f| f.contains("岸田文雄") && f.contains("尹锡悦")), "{m:?}");
    let text = "韩国官员说,尹锡悦可能会分别与美国和日本举行双边峰会。";
    assert!(of("Meeting", text, "2023-09-18").is_empty());
    // A summit a country hosts is no meeting of the one who speaks of it.
    assert!(of("Meeting", "习近平表示,中方将举行中非合作论坛峰会。", "2018-08-01").is_empty());
}

#[test]
fn a_visit_considered_or_hoped_for_is_none_and_the_one_replaced_does_not_visit() {
    let v = of("Visit", "另外,中国国家主席胡锦涛也在考虑访问东京。", "2007-01-01");
    assert!(v.is_empty(), "{v:?}");
    let v = of("Visit", "美国总统拜登表示,他希望能早日访问越南。", "2023-01-01");
    assert!(v.is_empty(), "{v:?}");
    let v =
        of("Visit", "日本首相安倍晋三去年9月接替前首相小泉纯一郎担任首相后立刻访问了中国。", "2007-01-01");
    assert!(v.iter().any(|f| f.contains("visitor=安倍晋三 hostCountry=中国")), "{v:?}");
    assert!(!v.iter().any(|f| f.contains("visitor=小泉纯一郎")), "{v:?}");
    // A visit still to come is told (将访问), and so is one an earlier statement hoped for and that happened.
    let v = of("Visit", "日本首相安倍晋三将于今年秋天访问中国。", "2007-01-01");
    assert!(v.iter().any(|f| f.contains("visitor=安倍晋三 hostCountry=中国")), "{v:?}");
}

#[test]
fn a_country_named_as_a_stop_of_a_trip_is_visited() {
    let text = "法国总统马克龙今天在雅加达会晤印尼总统普拉博沃。马克龙本次对东南亚3国的访问旨在推广法国的地位,印尼为访问的第二站。\
                马克龙将于29日前往印尼古都日惹,接着前往此行的最后一站新加坡,结束这项为期6天的海外访问。";
    let v = of("Visit", text, "2025-05-28");
    assert!(v.iter().any(|f| f.contains("visitor=马克龙 hostCountry=印度尼西亚")), "{v:?}");
    assert!(v.iter().any(|f| f.contains("visitor=马克龙 hostCountry=新加坡")), "{v:?}");
    let v = of("Visit", "日本外相茂木敏充首站先到以色列会见以色列外长萨尔。", "2026-01-15");
    assert!(v.iter().any(|f| f.contains("visitor=茂木敏充 hostCountry=以色列")), "{v:?}");
    // A stop of a train or a service is no one's visit; a country of the traveller's own is no host.
    let v = of("Visit", "中欧班列的第一站是德国。法国总统马克龙说,下一站是法国。", "2025-05-28");
    assert!(v.is_empty(), "{v:?}");
}

#[test]
fn a_tour_told_by_its_pronoun_and_a_japanese_leader_by_family_name() {
    let text = "日本外务大臣茂木敏充今天在马尼拉举行会谈。而茂木这次访问马尼拉,也代表他这次出访迈入尾声。\
                他从本月10日起出国访问,依序走访以色列、巴勒斯坦自治区、卡塔尔、菲律宾。";
    let v = of("Visit", text, "2026-01-15");
    for host in ["以色列", "巴勒斯坦", "卡塔尔", "菲律宾"] {
        assert!(
            v.iter().any(|f| f.contains(&format!("visitor=茂木敏充 hostCountry={host}"))),
            "{host} {v:?}"
        );
    }
    // The one invited in an earlier clause is not the subject of the next (也欢迎…访问中国).
    let text = "日本首相田中角荣会见邓小平。邓副总理邀请田中先生访问中国,也欢迎二阶堂先生访问中国。";
    let v = of("Visit", text, "1978-10-24");
    assert!(!v.iter().any(|f| f.contains("visitor=邓小平")), "{v:?}");
}

#[test]
fn talks_being_arranged_with_two_leaders_of_no_named_subject_are_no_meeting_of_theirs() {
    let text = "将根据当地的感染状况做出最终判断。正在协调与越南总理阮春福和印度尼西亚总统佐科等人的会谈。";
    let m = of("Meeting", text, "2020-09-30");
    assert!(m.is_empty(), "{m:?}");
    // 共和国 holds a 和 but no preposition: its leaders meet each other.
    let text = "中华人民共和国国务院总理李克强同蒙古国总统呼日勒苏赫会见。";
    let m = of("Meeting", text, "2022-11-28");
    assert!(m.iter().any(|f| f.contains("李克强") && f.contains("呼日勒苏赫")), "{m:?}");
}

#[test]
fn she_is_the_woman_named_before_and_not_the_one_her_clause_names() {
    let text = "英国保守党领袖撒切尔夫人五日抵达北京。黄华外长和外交部的其他领导人到机场迎接撒切尔夫人,安排她在迎宾馆居住。\
                当天下午,她同黄华外长会谈两小时以后,李先念副总理同她举行了会谈。";
    let m = of("Meeting", text, "1977-04-12");
    assert!(m.iter().any(|f| f.contains("撒切尔") && f.contains("黄华")), "{m:?}");
    assert!(m.iter().any(|f| f.contains("撒切尔") && f.contains("李先念")), "{m:?}");
    assert!(!m.iter().any(|f| f.contains("黄华") && f.contains("李先念")), "{m:?}");
}

#[test]
fn a_day_the_meetings_own_clause_states_is_its_day() {
    let text = "美国总统布什昨天已抵达悉尼,准备出席峰会,他会在明日会见中国国家主席胡锦涛。";
    let m = of("Meeting", text, "2007-09-05");
    assert!(m.iter().any(|f| f.contains("胡锦涛") && f.ends_with("2007-09-06..2007-09-06")), "{m:?}");
}

#[test]
fn the_leader_a_visit_describes_after_its_de_is_the_visitor() {
    let text = "观察家并不认为施特劳斯受到的接待是为了得罪预定三四月间访华的西德总理施密特。";
    let v = of("Visit", text, "1975-01-20");
    assert!(v.iter().any(|f| f.contains("visitor=施密特 hostCountry=中国")), "{v:?}");
    assert!(!v.iter().any(|f| f.contains("visitor=施特劳斯")), "{v:?}");
}

#[test]
fn a_later_dispatch_of_a_page_counts_from_its_own_dateline() {
    // A page of 20 October holds dispatches of the 18th: 今天 in the second is the 18th, not the 20th.
    let text = "【美联社巴黎十月十八日电】华国锋总理结束了同法国领导人的四天会谈。\n\
                【法新社巴黎十月十八日电】华国锋主席今天同法国总统德斯坦举行了最后一轮会谈。\n\
                法国总统德斯坦今天还会见了中国外长黄华。";
    let m = of("Meeting", text, "1979-10-20");
    assert!(m.iter().any(|f| f.contains("华国锋") && f.ends_with("1979-10-18..1979-10-18")), "{m:?}");
    assert!(m.iter().any(|f| f.contains("黄华") && f.ends_with("1979-10-18..1979-10-18")), "{m:?}");
    // A day in the middle of a sentence (在12日电视讲话中) is no dateline.
    let m = of("Meeting", "德斯坦总统在12日电视讲话中说,他今天会见了中国外长黄华。", "1979-10-20");
    assert!(!m.is_empty() && m.iter().all(|f| f.ends_with("1979-10-20..1979-10-20")), "{m:?}");
}

#[test]
fn here_in_a_later_dispatch_is_where_that_dispatch_is_datelined() {
    let text = "【美联社莫斯科六日电】苏联主席波德戈尔内今天在克里姆林宫发表讲话。\n\
                【合众国际社开罗五日电】苏联总理柯西金预定星期二(五月十日)到达这里,进行为期八天的国事访问。\n\
                预料访问将加强苏联同埃及的关系。";
    let v = of("Visit", text, "1966-05-08");
    assert!(v.iter().any(|f| f.contains("visitor=柯西金 hostCountry=埃及")), "{v:?}");
}

#[test]
fn an_arab_leader_named_by_the_first_part_is_the_one_named_in_full() {
    let text = "沙特阿拉伯王储穆罕默德·本·萨勒曼将于2月21日至22日访华。\
                沙特王储兼副首相、国防大臣穆罕默德将访华并举行高级别联合委员会会议。";
    let v = of("Visit", text, "2019-02-15");
    assert_eq!(v.len(), 1, "{v:?}");
    assert!(v[0].contains("visitor=穆罕默德·本·萨勒曼"), "{v:?}");
}

#[test]
fn a_guest_come_to_attend_visits_where_they_came() {
    // 前来出席…的X in a dispatch from Moscow: X came to the Soviet Union.
    let text = "【路透社莫斯科二月十五日电】苏联同中国的关系没有突破。\n\
                前来出席安德罗波夫主席昨日葬礼的中国国务院副总理万里会见了苏联部长会议第一副主席阿利耶夫。";
    let v = of("Visit", text, "1984-02-17");
    assert!(v.iter().any(|f| f.contains("visitor=万里 hostCountry=苏联")), "{v:?}");
    // 来莫斯科参加…的X: the place come to is the host's.
    let text = "苏联同中国的关系没有突破。安德罗波夫会见了一九八二年十一月来莫斯科参加葬礼的中国外长黄华。";
    let v = of("Visit", text, "1984-02-17");
    assert!(v.iter().any(|f| f.contains("visitor=黄华 hostCountry=苏联")), "{v:?}");
}

#[test]
fn this_visit_takes_no_date_of_an_earlier_one_its_sentence_gives() {
    let text = "应韩国总统文在寅邀请,印尼总统佐科将于9日至11日对韩国进行国事访问。\
                佐科总统此次访韩是对文在寅去年11月对印尼进行国事访问的回访。";
    let v = of("Visit", text, "2018-09-04");
    let to_korea: Vec<&String> = v.iter().filter(|f| f.contains("visitor=佐科 hostCountry=韩国")).collect();
    assert_eq!(to_korea.len(), 1, "{v:?}");
    assert!(v.iter().any(|f| f.contains("visitor=文在寅") && f.ends_with("2017-11..2017-11")), "{v:?}");
}

#[test]
fn the_office_of_one_met_names_no_host() {
    let v = of("Visit", "泽连斯基抵达广岛G7峰会 场边见英国首相印度总理", "2023-05-20");
    assert!(!v.iter().any(|f| f.contains("hostCountry=印度") || f.contains("hostCountry=英国")), "{v:?}");
    let v = of("Visit", "莫迪抵达东京,会见日本首相岸田文雄。", "2023-05-20");
    assert!(v.iter().any(|f| f.contains("visitor=莫迪 hostCountry=日本")), "{v:?}");
}

#[test]
fn glosses_and_an_invitation_told_with_zhi_yao_leave_the_visitor_found() {
    let text = "法新社报导,法国总统马克宏(Emmanuel Macron)7月2日至4日将应德国总统史坦麦尔(Frank-Walter Steinmeier)之邀造访德国。";
    let v = of("Visit", text, "2023-05-08");
    assert!(
        v.iter()
            .any(|f| f.contains("visitor=马克龙 hostCountry=德国") && f.ends_with("2023-07-02..2023-07-04")),
        "{v:?}"
    );
    assert!(!v.iter().any(|f| f.contains("visitor=史坦麦尔")), "{v:?}");
}

#[test]
fn a_meeting_spoken_of_on_a_day_is_not_held_that_day() {
    let text = "8月28日,俄罗斯总统普京的新闻秘书佩斯科夫在谈到俄土两国总统普京和埃尔多安会晤问题时表示,会晤即将举行。";
    let m = of("Meeting", text, "2023-09-04");
    assert!(!m.iter().any(|f| f.contains("2023-08-28")), "{m:?}");
}

#[test]
fn two_leaders_unnamed_holding_talks_are_the_two_named_before() {
    let text =
        "文在寅总统将于29日在青瓦台为斯里兰卡总统西里塞纳举行正式欢迎仪式,随后两位领导人举行首脑会谈。";
    let m = of("Meeting", text, "2017-11-28");
    assert!(
        m.iter().any(|f| f.contains("participant=文在寅") && f.contains("participant=西里塞纳")),
        "{m:?}"
    );
    let m = of("Meeting", "两位领导人都积极评价此次会晤成果。", "2019-10-14");
    assert!(m.is_empty(), "{m:?}");
}
