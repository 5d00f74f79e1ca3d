//! Tests of event dating: datelines, relative days, months, years, lengths of stay and plans.

use super::*;

fn dates(sentence: &str, document: &str) -> (Option<String>, Option<String>) {
    let found = event_dates(sentence, Date::parse(document));
    (found.start.map(|d| d.to_string()), found.end.map(|d| d.to_string()))
}

fn both(start: &str, end: &str) -> (Option<String>, Option<String>) {
    (Some(start.to_owned()), Some(end.to_owned()))
}

#[test]
fn the_day_of_a_statement_about_an_event_is_not_its_day() {
    let s = "外交部28日就国务院总理李克强对乌兹别克斯坦进行正式访问举行中外媒体吹风会。";
    assert_eq!(dates(s, "2019-10-29"), (None, None));
    let s = "外交部28日就国务院总理李克强11月2日对乌兹别克斯坦进行正式访问举行吹风会。";
    assert_eq!(dates(s, "2019-10-29"), both("2019-11-02", "2019-11-02"));
}

#[test]
fn a_paragraph_about_an_earlier_year_places_its_events() {
    let year = |text: &str| {
        let at = text.find("习近平").unwrap();
        paragraph_year(text, at, Date::parse("2019-02-15"))
    };
    let text = "2018年是中菲关系发展史上具有里程碑意义的一年。习近平主席对菲律宾进行国事访问。";
    assert_eq!(year(text), Some(2018));
    // A line joined to the paragraph before the year's sentence.
    assert_eq!(year(&format!("■我们将继续推进合作{text}")), Some(2018));
    assert_eq!(year("在2016年,两国关系提升。习近平主席访问伊朗。"), Some(2016));
    // The document's own year, a year the sentence names later, or another paragraph: none.
    assert_eq!(year("2019年是开局之年。习近平主席访问菲律宾。"), None);
    assert_eq!(year("两国关系在2018年提升。习近平主席访问菲律宾。"), None);
    assert_eq!(year("2018年是里程碑之年。\n习近平主席访问菲律宾。"), None);
}

#[test]
fn an_event_told_as_past_is_not_dated_by_the_report() {
    // A decade (上世纪80年代初) tells of the past, and no day of it.
    assert_eq!(dates("福田先生清晰记得上世纪80年代初第一次到访中国的初印象", "2019-10-22"), (None, None));
    let none = (None, None);
    // After it something else happens; what it brought; a time within it its subject names.
    assert_eq!(
        dates("特朗普总统和习近平主席在阿根廷举行重要会晤后，两国经贸团队抓紧落实", "2019-02-16"),
        none
    );
    assert_eq!(dates("人们尤其感受到中美两国元首阿根廷会晤共识的重要意义。", "2019-10-14"), none);
    assert_eq!(dates("两国元首会晤达成的重要共识", "2019-02-02"), none);
    assert_eq!(dates("第二次非正式会晤成果丰硕，两位领导人…", "2019-10-13"), none);
    assert_eq!(dates("狄伯杰说，莫迪总理访问武汉期间，习近平主席同他一道参观", "2019-10-13"), none);
    assert_eq!(dates("习近平主席在访问尼泊尔时提出了很多措施", "2019-10-15"), none);
    assert_eq!(dates("会议审议了栗战书委员长访问阿塞拜疆的情况报告", "2019-10-22"), none);
    // The last time, and the year of it said after it.
    assert_eq!(dates("莫迪上次访问俄罗斯时受到热烈欢迎", "2024-06-27"), none);
    let year = both("2019", "2019");
    assert_eq!(dates("莫迪上次访问俄罗斯是在2019年", "2024-06-27"), year);
    // Told as the news: the talks and what they agree; 会见时 of the meeting just told; this visit.
    let day = both("2019-10-12", "2019-10-12");
    assert_eq!(dates("习近平同奥利举行会谈并达成重要共识", "2019-10-12"), day);
    assert_eq!(dates("会见沃尔科特时，王毅表示", "2019-10-12"), day);
    assert_eq!(dates("同卡拉会谈时，王毅表示", "2019-10-12"), day);
    assert_eq!(dates("习近平说，此次访问期间，双方签署了协议", "2019-10-12"), day);
    assert_eq!(dates("双方举行了历时三小时的会谈", "2019-10-12"), day);
}

#[test]
fn the_day_an_event_ends_is_its_last() {
    let last = |day: &str| (None, Some(day.to_owned()));
    let s = "本报北京10月13日电 10月13日晚，国家主席习近平在结束同印度总理莫迪会晤和对尼泊尔国事访问后，回到北京。";
    assert_eq!(dates(s, "2019-10-13"), last("2019-10-13"));
    assert_eq!(
        dates("印度总理尼赫鲁结束了对苏联的访问,在11日离开塔什干回国。", "1961-09-13"),
        last("1961-09-11")
    );
    // Unless it goes on to another visit, which begins that day.
    let s = "江泽民今天下午结束在英国的国事访问,乘专机抵 达法国里昂。";
    assert_eq!(dates(s, "1999-10-22"), both("1999-10-22", "1999-10-22"));
    let s = "印度总理莫迪30日结束访问日本的行程，登上专机前往中国，于傍晚抵达天津。";
    assert_eq!(dates(s, "2025-08-30"), both("2025-08-30", "2025-08-30"));
}

#[test]
fn a_full_date_in_the_sentence_wins() {
    assert_eq!(
        dates("于2022年11月27日至28日对中国进行国事访问", "2022-11-28"),
        both("2022-11-27", "2022-11-28")
    );
    assert_eq!(dates("于二〇一九年十月十二日抵达", ""), both("2019-10-12", "2019-10-12"));
}

#[test]
fn a_date_before_an_announcement_is_the_announcements() {
    assert_eq!(
        dates(
            "外交部发言人10月29日宣布:国家主席习近平将于当地时间10月30日在韩国釜山同美国总统特朗普举行会晤",
            "2025-10-30"
        ),
        both("2025-10-30", "2025-10-30")
    );
    // Without a date of the event, the announcement's is the only one.
    assert_eq!(
        dates("外交部发言人10月29日宣布:双方将举行会晤", "2025-10-30"),
        both("2025-10-29", "2025-10-29")
    );
    // A day of saying before the event is told is the saying's; a time since which something
    // holds is no one's.
    let s =
        "克里斯托弗今天说,去年9月以来美中关系进入新阶段,克林顿总统和江泽民主席去年11月在西雅图的会晤是证明。";
    assert_eq!(dates(s, "1994-03-02"), both("1993-11", "1993-11"));
    // Nor is a time after which it happens: the visit comes in November.
    let s = "这将是岸田2021年10月就任首相后,首次访问菲律宾和马来西亚。";
    assert_ne!(dates(s, "2023-10-11").0.as_deref(), Some("2021-10"));
    // Said after the talks are told, the day is still theirs.
    let s = "习近平今天在金奈同莫迪举行会晤时说,两国要加强合作。";
    assert_eq!(dates(s, "2019-10-12"), both("2019-10-12", "2019-10-12"));
}

#[test]
fn month_day_and_day_take_the_documents_year_and_month() {
    assert_eq!(
        dates("习近平10月12日至13日对尼泊尔进行国事访问", "2019-10-14"),
        both("2019-10-12", "2019-10-13")
    );
    assert_eq!(dates("某国总统12月30日抵达北京", "2020-01-02"), both("2019-12-30", "2019-12-30"));
    assert_eq!(dates("国家主席习近平12日抵达加德满都", "2019-10-13"), both("2019-10-12", "2019-10-12"));
    assert_eq!(dates("习近平十二日至十三日访问", "2019-10-14"), both("2019-10-12", "2019-10-13"));
    assert_eq!(dates("正规划5月7到8日访问韩国", "2023-05-02"), both("2023-05-07", "2023-05-08"));
    // The 30th reported on the 2nd is of the month before; a date announced is ahead.
    assert_eq!(dates("双方30日举行会谈", "2019-11-02"), both("2019-10-30", "2019-10-30"));
    assert_eq!(dates("外长会晤将于2月27日举行", "2019-02-20"), both("2019-02-27", "2019-02-27"));
}

#[test]
fn relative_days_count_from_the_dateline() {
    assert_eq!(
        dates("【美联社北京十二月二日电】毛泽东主席今天下午接见了福特", "1975-12-03"),
        both("1975-12-02", "1975-12-02")
    );
}

#[test]
fn relative_days_and_the_documents_own_date() {
    assert_eq!(dates("两国元首昨天举行会谈", "2019-10-01"), both("2019-09-30", "2019-09-30"));
    assert_eq!(
        dates("俄方披露,普京在前一天与默克尔进行了交流", "2014-10-17"),
        both("2014-10-16", "2014-10-16")
    );
    assert_eq!(
        dates("新华社北京1月1日电 习近平昨天会见普京", "2020-01-01"),
        both("2019-12-31", "2019-12-31")
    );
    assert_eq!(dates("两国元首举行会谈", "2019-10-13"), both("2019-10-13", "2019-10-13"));
    assert_eq!(dates("习近平结束对尼泊尔的国事访问", "2019-10-13"), (None, Some("2019-10-13".into())));
}

#[test]
fn the_length_of_a_stay_is_no_day_and_ends_it() {
    assert_eq!(dates("塞拉利昂总统比奥明天起访华5日", "2024-02-26"), both("2024-02-27", "2024-03-02"));
    assert_eq!(dates("总统12日起访华五日", "2024-05-10"), both("2024-05-12", "2024-05-16"));
    assert_eq!(dates("总统将于12日抵达,为期三天", "2024-05-10"), both("2024-05-12", "2024-05-14"));
    assert_eq!(dates("总统12日访华", "2024-05-10"), both("2024-05-12", "2024-05-12"));
    // At the earliest in October, in a September report: the coming October.
    assert_eq!(dates("首相开始讨论最早于10月中旬访问越南", "2020-09-30"), both("2020-10", "2020-10"));
    let trip = dates("总统将于29日前往日惹,接着前往新加坡,结束这项为期6天的访问", "2025-05-28");
    assert_eq!(trip.1.as_deref(), Some("2025-05-29"));
}

#[test]
fn months_and_years_named_relative_to_the_document_keep_their_precision() {
    assert_eq!(dates("今年3月，习近平主席对摩纳哥进行国事访问", "2019-10-07"), both("2019-03", "2019-03"));
    assert_eq!(dates("去年11月，习近平主席访问文莱", "2019-10-17"), both("2018-11", "2018-11"));
    assert_eq!(dates("习近平主席3月份访问法国期间", "2019-10-21"), both("2019-03", "2019-03"));
    assert_eq!(dates("12月，两国元首会晤", "2019-01-10"), both("2018-12", "2018-12"), "last December");
    assert_eq!(dates("习近平将于3月访问法国", "2019-10-21"), both("2020-03", "2020-03"), "next March");
    assert_eq!(dates("2018年4月，两国领导人在武汉会晤", "2019-10-11"), both("2018-04", "2018-04"));
    assert_eq!(
        dates("去年12月1日，习近平主席同特朗普总统在阿根廷会晤", "2019-02-16"),
        both("2018-12-01", "2018-12-01")
    );
    assert_eq!(dates("去年两国元首多次会晤", "2019-02-02"), both("2018", "2018"));
    assert_eq!(dates("70年前,毛泽东主席首次访问苏联", "2019-06-05"), both("1949", "1949"));
    assert_eq!(dates("二阶堂进两年前以特使的身份来访时", "1985-03-28"), both("1983", "1983"));
    assert_eq!(dates("七十年前,毛泽东主席首次访问苏联", "2019-06-05"), both("1949", "1949"));
    assert_ne!(dates("70多年前,毛泽东主席首次访问苏联", "2019-06-05"), both("1949", "1949"));
    assert_eq!(
        dates("上个月，我同总统先生在阿根廷成功会晤", "2019-01-31"),
        both("2018-12", "2018-12"),
        "last month, across a year"
    );
    assert_eq!(dates("本月两国外长举行会谈", "2019-10-20"), both("2019-10", "2019-10"));
    assert_eq!(dates("三个月来双方会谈", "2019-10-13"), both("2019-10-13", "2019-10-13"), "a length");
}

#[test]
fn this_visit_is_reported_and_what_it_will_bring_is_still_to_come() {
    assert_eq!(
        dates("习近平主席这次访问绘就了新蓝图，必将开启新时代", "2019-10-13"),
        both("2019-10-13", "2019-10-13")
    );
    assert_eq!(
        dates("会谈前，李克强为伊姆兰·汗举行欢迎仪式", "2019-10-08"),
        both("2019-10-08", "2019-10-08")
    );
    assert_eq!(dates("班达里热烈欢迎习近平主席访问尼泊尔", "2019-10-12"), both("2019-10-12", "2019-10-12"));
    assert_eq!(dates("习近平主席即将对尼泊尔进行首次国事访问", "2019-10-11"), (None, None));
    assert_eq!(dates("博览会期间，习近平主席将会见有关国家元首", "2019-10-29"), (None, None));
    assert_eq!(dates("习近平主席原则同意明年春天对日本进行国事访问", "2019-10-25"), (None, None));
    assert_eq!(dates("期待习近平主席的访问取得圆满成功", "2019-10-11"), (None, None));
    assert_eq!(dates("班达里表示，习近平主席的访问将成为一件大事", "2019-10-09"), (None, None));
    assert_eq!(
        dates("班达里欢迎习近平主席访问尼泊尔，相信两国关系将不断发展", "2019-10-12"),
        both("2019-10-12", "2019-10-12"),
        "another clause"
    );
}

#[test]
fn what_is_still_to_come_or_undated_gets_no_date() {
    assert_eq!(dates("习近平将对尼泊尔进行国事访问", "2019-10-10"), (None, None));
    // The eve of a visit, and a visit named as the subject of what it will bring.
    assert_eq!(dates("在习近平主席开始对尼泊尔进行国事访问前夕，班达里接受采访", "2019-10-09"), (None, None));
    assert_eq!(dates("习近平主席对尼泊尔的访问，将进一步加深两国合作", "2019-10-10"), (None, None));
    assert_eq!(dates("习近平主席对尼泊尔的国事访问，将加深两国合作", "2019-10-10"), (None, None));
    assert_eq!(dates("此前,习近平对秘鲁进行国事访问", "2024-11-19"), (None, None), "a recollection");
    assert_eq!(dates("巴西总统不久前访问中国", "2019-10-30"), (None, None), "a recollection");
    let s = "王廷惠此次访问印尼恰逢两国建交68周年(1955年12月30日~2023年12月30日)之际";
    assert_eq!(dates(s, "2023-08-04"), both("2023-08-04", "2023-08-04"), "an anniversary's span");
    let s = "王廷惠此次访问印尼恰逢两国建交68周年(1955年12月30日~2023";
    assert_eq!(
        dates(s, "2023-08-04"),
        both("2023-08-04", "2023-08-04"),
        "the start of an anniversary's span"
    );
    let s = "担任法国总理时，拉法兰坚持在非典期间如期访华";
    assert_eq!(dates(s, "2019-10-06"), (None, None), "a time within an office held before");
    let s = "拉法兰担任总理以来首次访华";
    assert_eq!(dates(s, "2003-04-25"), both("2003-04-25", "2003-04-25"), "since taking office: the news");
    assert_eq!(
        dates("为落实习近平主席访问阿联酋成果", "2019-02-05"),
        (None, None),
        "what a past visit brought"
    );
    assert_eq!(
        dates("2016年，习近平主席对伊朗进行国事访问期间", "2019-02-19"),
        both("2016", "2016"),
        "a year written before the event"
    );
    assert_eq!(
        dates("为落实2030年议程，习近平主席会见古特雷斯", "2019-02-19"),
        both("2019-02-19", "2019-02-19"),
        "落实 in another clause, and a year after the document's is a plan's"
    );
    assert_eq!(dates("两国元首举行会谈", ""), (None, None));
    assert_eq!(dates("两国元首举行会谈", "2019-10"), (None, None), "a month is not a day");
    assert_eq!(dates("为期三日的访问", "2019-10-13"), both("2019-10-13", "2019-10-13"), "三日 is a length");
    assert_eq!(dates("星期日举行会谈", "2019-10-13"), both("2019-10-13", "2019-10-13"));
}

#[test]
fn a_range_from_a_day_alone_to_a_months_day_starts_in_that_month_or_the_one_before() {
    let s = "我国总理李显龙将从当地时间本星期六(26日)开始,对美国进行八天工作访问,至4月2日。";
    assert_eq!(dates(s, "2022-03-26"), both("2022-03-26", "2022-04-02"));
    assert_eq!(
        dates("李显龙将于26日至4月2日对美国进行访问。", "2022-03-26"),
        both("2022-03-26", "2022-04-02")
    );
    assert_eq!(dates("他将于二日至五月六日访问日本。", "2022-05-01"), both("2022-05-02", "2022-05-06"));
    // A day with its month is the month's, as before.
    assert_eq!(dates("他将于10月26日至11月2日访问日本。", "2022-10-20"), both("2022-10-26", "2022-11-02"));
}

#[test]
fn a_time_since_which_dates_no_event_but_one_told_in_it() {
    let s = "这是俄罗斯去年2月全面入侵乌克兰以来两人首次见面。";
    assert_ne!(dates(s, "2023-05-20").0.as_deref(), Some("2022-02"));
    let s = "这是去年4月武汉非正式会晤以来两国领导人第二次会晤。";
    assert_eq!(dates(s, "2019-10-12").0.as_deref(), Some("2018-04"), "the event told in the time since");
}
