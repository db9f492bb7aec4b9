// Package region knows China's administrative divisions (行政区划) as far
// as benefit standards need them: GB/T 2260 codes and their parent chain,
// the fiscal tiers (财政分档) that set the central share of shared
// spending (共同财政事权), how each programme's cost is split between the
// centre and the locality (中央与地方支出责任), and the regional groups
// (区域协调) whose members may agree floors above the national ones.
//
// # Codes
//
// A [Code] is a six-digit GB/T 2260 code (行政区划代码). Digits 1-2 name
// the province (省级), 3-4 the prefecture (地级: 地级市, 地区, 自治州,
// 盟), 5-6 the county (县级: 县, 县级市, 市辖区). [ParseCode] accepts six
// ASCII digits whose province part is 11-65 (Hong Kong, Macao and Taiwan
// are not in GB/T 2260) and returns a *[CodeError] wrapping
// [ErrInvalidCode] otherwise. The zero Code is not valid; codes are small
// comparable values, usable with == and as map keys.
//
// # Levels and the parent chain
//
// The level of a code is read from its digits ([Code.Level]): XX0000 is
// a province, XXXX00 a prefecture, anything else a county. The parent
// chain is read the same way, so it needs no table: 140822 万荣县 →
// 140800 运城市 → 140000 山西省 ([Code.Parent], [Code.Ancestors]). A
// county directly under its province (prefecture digits 00) has the
// province as its parent. [Code.Contains] tells whether a code lies
// under another.
//
// # The table
//
// A [Table] names divisions and holds the fiscal tiers, the cost rules
// and the groups. [Default] returns the embedded one: the 31 provinces,
// the five 计划单列市 (Dalian 2102, Ningbo 3302, Xiamen 3502, Qingdao
// 3702, Shenzhen 4403) and the few divisions the examples use, with
// Chinese and English names. [Table.WithDivisions] adds a fuller list
// from a CSV file with the header "code,name" (and optionally
// "name_en"), in UTF-8 with or without a byte-order mark and with LF or
// CRLF line ends; a GBK file (as Excel in China saves) is rejected with
// an error that says so. A code absent from the table still resolves by
// its digits ([Table.Resolve]): 140899 is a county of 山西省, in
// Shanxi's tier, and [Table.Name] shows it as "运城市 140899".
//
// A Table is immutable and safe for concurrent use; WithDivisions
// returns a new one. Methods that return slices, maps or groups
// ([Table.Groups], [Table.GroupsOf], [Table.Group], [Table.CostRule],
// [Table.Provinces]) hand out copies: changing them does not change the
// table.
//
// # Zero values
//
// The zero [Code], [Tier] and [Level] are not valid (IsValid reports it
// for Code and Tier); [Table.Resolve], [Table.Tier],
// [Table.CentralShare] and [Table.Split] report a zero Code as an error
// wrapping [ErrInvalidCode]. The zero [Split] is a split of 0.00. There
// is no useful zero Table: use [Default], or a table it derives.
//
// # Fiscal tiers and 计划单列市
//
// 国办发〔2018〕6号 (《基本公共服务领域中央与地方共同财政事权和支出责任
// 划分改革方案》, the reform of shared fiscal responsibilities, 共同财政
// 事权, in force 2019-01-01) sorts the provinces into five
// tiers (第一档 … 第五档) with central shares of 80, 60, 50, 30 and 10 %
// for the tiered items of basic public services: tier 1 the twelve
// western provinces, tier 2 the central and north-eastern ones and
// Hainan, tier 3 Liaoning, Fujian and Shandong, tier 4 Tianjin,
// Jiangsu, Zhejiang and Guangdong, tier 5 Beijing and Shanghai. The five
// 计划单列市 (cities with separate planning status) are in tier 4 on
// their own account: [Table.Tier] looks at the four-digit prefecture
// before the two-digit province, so 210200 大连 is tier 4 while 210000
// 辽宁 is tier 3, and a district of Ningbo (330203) is tier 4 with it.
// [Table.CentralShare] gives the share of a code's tier.
//
// How firm this is: the 80 % share of tier 1 and its "twelve inland
// regions" are verified (Caixin, 2018); the other shares, the membership
// of every tier and the tier of the 计划单列市 are from the domain
// reference's memory [M], consistent with a ministry notice that sets
// central subsidies by the same three groups of provinces [V3]. See
// [Table.TierCitation] and region/data/fiscal.json; treat tiers 2-5 as
// provisional until checked against the text of 6号.
//
// # Cost sharing as data
//
// Not every programme follows the five shares. The national floor of
// the residents' basic pension (城乡居民基础养老金) is paid 100 % by the
// centre in tiers 1-2 and 50 % in tiers 3-5, and local top-ups above it
// (地方提高部分) are paid locally; unemployment insurance is paid from its
// fund, and so are employees' basic pensions: their rule's
// [CostRule.Payer] is [PayerFund] ([Table.Payer]), and a report names
// the fund, not a budget, as who pays. Each programme's rule is a [CostRule] in the embedded data — a
// central share per tier for the part up to the national floor and for
// the top-up above it, with its citation — not a branch in the code.
// [Table.Split] applies it: the central part is the only figure the
// package rounds, half-up to the fen ([benefit.FenHalfUp], 四舍五入到分),
// and the local part is the rest, so Central + Local == Total exactly. For Example B of the domain reference, 1,200,000.00 owed
// below the floor splits 600,000.00 / 600,000.00 in Shandong (tier 3)
// and 1,200,000.00 / 0.00 in Henan (tier 2) or Tibet (tier 1).
//
// # Groups
//
// A [Group] is a regional grouping with its member codes: 京津冀
// (Beijing, Tianjin, Hebei), 长三角 (Shanghai, Jiangsu, Zhejiang, Anhui),
// 粤港澳大湾区 (its nine mainland cities, Shenzhen among them) and 成渝
// (Chongqing, Sichuan). Membership covers everything under a member:
// Ningbo and its districts are in 长三角 because Zhejiang is.
// [Table.GroupsOf] lists the groups of a code.
//
// # Errors
//
// Sentinels for errors.Is: [ErrInvalidCode] reports a malformed (or
// zero) code, [ErrUnknownRegion] a code whose province the table does
// not hold, [ErrNoCostRule] a programme with no cost rule. [ParseCode]
// returns a *[CodeError] (errors.As) carrying the input and what is
// wrong with it; it wraps ErrInvalidCode. Errors in a divisions file are
// *benefit.RecordError values naming the file, the line and the field,
// wrapping the CodeError of a bad code or benefit.ErrSyntax (a GBK file's
// error wraps neither: its message says to save the file as UTF-8).
package region
