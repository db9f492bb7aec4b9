// Package region knows China's administrative divisions (行政区划) as far
// as benefit standards need them: every division of the 2023 statistical
// division codes with its name, level and parent, the fiscal tiers (财政分档) that set the central share of shared
// spending (共同财政事权), how each programme's cost is split between the
// centre and the locality (中央与地方支出责任), and the regional groups
// (区域协调) whose members may agree floors above the national ones.
//
// # Codes
//
// A [Code] is a six-digit GB/T 2260 code (行政区划代码). Digits 1-2 name
// the province (省级), 3-4 the prefecture (地级: 地级市, 地区, 自治州,
// 盟, or a summary code such as 4290 省直辖县级行政区划), 5-6 the county
// (县级: 县, 县级市, 市辖区). [ParseCode] checks the form only: six
// ASCII digits whose first two are one of the 31 provinces (11-15,
// 21-23, 31-37, 41-46, 50-54, 61-65; Taiwan, Hong Kong and Macao are not
// in the table), and returns a *[CodeError] wrapping [ErrInvalidCode]
// otherwise. Whether a code is a division is the table's to say. The
// zero Code is not valid; codes are small comparable values, usable
// with == and as map keys.
//
// # The table of divisions
//
// A [Table] holds divisions, the fiscal tiers, the cost rules and the
// groups. [Default] returns the embedded one, parsed on first use: the
// 3,348 divisions of the National Bureau of Statistics' 2023 statistical
// division codes (统计用区划代码, as of 2023-06-30, published
// 2023-09-11, as compiled in the public-domain dataset
// modood/Administrative-divisions-of-China; region/data/README.md): 31
// provinces, 342 prefecture-level units (the 市辖区 and 县 rows of the
// municipalities and the 省直辖县级行政区划 summary rows among them) and
// 2,975 county-level units, with Chinese names, and English names for
// the provinces and the five 计划单列市 (Dalian 2102, Ningbo 3302, Xiamen
// 3502, Qingdao 3702, Shenzhen 4403).
//
// Each [Division] has its level and its parent as the table records
// them: 371723 成武县 → 371700 菏泽市 → 370000 山东省; 429004 仙桃市 →
// 429000 省直辖县级行政区划 → 420000 湖北省; 东莞 441900, 中山 442000 and
// 儋州 460400 are prefecture-level cities with no county-level unit under
// them. [Table.Resolve] and [Table.Lookup] give a division,
// [Table.Ancestors] its chain, [Table.Under] a division's whole tree,
// [Table.Name] a display name. A division's level is always the one its
// digits give ([Code.Rank]: XX0000 a province, XXXX00 a prefecture,
// any other a county).
//
// 124 of the divisions are statistical units, not GB/T 2260
// administrative divisions: development zones, new areas and scenic
// areas with fifth and sixth digits 71-80, such as 130171
// 石家庄高新技术产业开发区. [Division.StatisticalOnly] marks them; they are
// checked like any county.
//
// A code the table does not hold is bad input, never a guess: every
// method that resolves a code ([Table.Resolve], [Table.Ancestors],
// [Table.Under], [Table.Tier], [Table.CentralShare], [Table.Split],
// [Table.GroupsOf]) returns a *[CodeError] wrapping [ErrUnknownRegion]
// for it, and [Table.Name] shows only its digits. Codes change every year
// (撤并, 更名), so historical and new codes are added as divisions with
// [Table.WithDivisions], from a CSV file with the header
// "code,name,level,parent[,statistical_only][,name_en]" in UTF-8 with or
// without a byte-order mark and with LF or CRLF line ends; a GBK file (as
// Excel in China saves) is rejected with an error that says so. Each
// parent must be in the table or the same file, at a higher level and in
// the same province; a code the table already holds keeps its parent.
// For example 371200 莱芜市 and its districts, merged into 济南 in 2019,
// or 469003 儋州市, a county-level city directly under 海南省 until 2015.
//
// [Code.Parent] reads the digits alone and needs no table. For every
// division of the embedded table it gives the recorded parent; for an
// added division whose parent is not the one its digits name (469003,
// recorded under 460000, reads as under 469000), the Table methods
// ([Table.Ancestors], [Table.GroupsOf], [Table.Tier]) follow the record.
//
// A Table is immutable and safe for concurrent use; looking a code up is
// one map access and allocates nothing. WithDivisions returns a new
// table. Methods that return slices, maps or groups ([Table.Groups],
// [Table.GroupsOf], [Table.Group], [Table.CostRule],
// [Table.Ancestors], [Table.Under]) hand out copies: changing them does
// not change the table.
//
// # Zero values
//
// The zero [Code], [Tier] and [Rank] are not valid (IsValid reports it
// for Code and Tier); the methods that resolve a code report a zero Code
// as an error wrapping [ErrInvalidCode]. The zero [Split] is a split of
// 0.00. There is no useful zero Table: use [Default], or a table it
// derives.
//
// # Fiscal tiers and 计划单列市
//
// 国办发〔2018〕6号 (《基本公共服务领域中央与地方共同财政事权和支出责任
// 划分改革方案》, the reform of shared fiscal responsibilities, 共同财政
// 事权, in force 2019-01-01) sorts the provinces into five
// tiers (第一档 … 第五档) with central shares of 80, 60, 50, 30 and 10 %
// for the seven tiered items of basic public services: tier 1 the twelve
// western provinces, tier 2 the central and north-eastern ones and
// Hainan, tier 3 Liaoning, Fujian and Shandong, tier 4 Tianjin,
// Jiangsu, Zhejiang and Guangdong, tier 5 Beijing and Shanghai. The five
// 计划单列市 (cities with separate planning status) are in tier 4 on
// their own account. [Table.Tier] takes the tier of the nearest of a
// code and the divisions it lies under that has one, so 210200 大连 is
// tier 4 while 210000 辽宁 is tier 3, and a district of Ningbo (330203
// 海曙区) is tier 4 with it. [Table.CentralShare] gives the share of a
// code's tier.
//
// How firm this is: a Xinhua text (reposted) lists exactly these tiers,
// members and shares [V3]; tier 1's 80 % and its twelve provinces are
// also in Caixin (2018) [V]. See [Table.TierCitation] and
// region/data/fiscal.json. The tiers hold from 2019-01-01; central
// subsidies before then were set for 中西部 and 东部, which need not
// match tiers 1-2 and 3-5: 河北 and 海南 are tier 2 but counted as 东部.
// The table applies the tiers to every month it is asked about.
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
// The residents' pension rule is marked as conflicting [C]: 人社部发
// 〔2015〕5号 (中西部 in full, 东部 50 %) and 国发〔2014〕8号 support it,
// while one 光明日报 commentary (2018-02-15) gives 10 % for 北京 and 上海
// and 80 % for the twelve western provinces; before 2019 its 中西部/东部
// wording differs from tiers 1-2/3-5 for 河北 and 海南 (see above).
// A user adds a rule for a programme the embedded data has none for
// (the veterans' benefits), or replaces one, with [Table.WithCostRules]
// (Go values) or [ReadCostRules] (a JSON file of the form of
// region/data/fiscal.json's "cost_sharing", read strictly; errors name
// file, line and rule); the new table is the old one's with the rules
// added, and the old one is unchanged.
//
// [Table.Split] applies a rule: the central part is the only figure the
// package rounds, half-up to the fen ([benefit.FenHalfUp()], 四舍五入到分),
// and the local part is the rest, so Central + Local == Total exactly.
// For Example B of the domain reference, 1,200,000.00 owed below the
// floor splits 600,000.00 / 600,000.00 in Shandong (tier 3)
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
// zero) code, [ErrUnknownRegion] a well-formed code that is no division
// of the table, [ErrNoCostRule] a programme with no cost rule. Both code
// errors are a *[CodeError] (errors.As) carrying the code as given and
// what is wrong with it. Errors in a divisions file are
// *benefit.RecordError values naming the file, the line and the field
// (code, name, level, parent, statistical_only), wrapping the CodeError
// of a bad or unknown code or benefit.ErrSyntax; a GBK file's error wraps
// benefit.ErrEncoding and says to save the file as UTF-8, and a line or
// field past the default benefit.Limits (1 MiB, 64 KiB) one wraps
// benefit.ErrTooLarge.
package region
