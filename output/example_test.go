package output_test

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/benefitstd/benefitstd/benefit"
	"github.com/benefitstd/benefitstd/floor"
	"github.com/benefitstd/benefitstd/output"
	"github.com/benefitstd/benefitstd/region"
)

// In JUnit, a rule that could not be evaluated is a skipped test case
// with the reason, never a pass. Shanghai's 2021 unemployment benefit
// (1,975 in months 1-12) and minimum wage (2,590) are given, its 低保 is
// not: 失业保险条例 Art 18's lower bound and 社会保险法 Art 47 cannot be
// evaluated.
func ExampleNew_junit() {
	sh, at := region.MustParseCode("310000"), benefit.MustParseMonth("2022-01")
	level := func(program, dims, amount string) floor.Level {
		return floor.Level{Region: sh, Program: program, Dims: benefit.MustParseDims(dims),
			Schedule: mustSchedule(benefit.Version{From: benefit.MustParseMonth("2021-07"), Amount: benefit.MustParseAmount(amount), Status: benefit.Illustrative})}
	}
	rep, err := floor.Check([]floor.Level{
		level("employment.unemployment_insurance", "period=1-12", "1975"),
		level("reference.min_wage", "", "2590"),
	}, floor.Options{From: at, To: at.AddMonths(12)})
	if err != nil {
		fmt.Println(err)
		return
	}
	var b strings.Builder
	ju, err := output.New(output.FormatJUnit, &b, output.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := ju.Render(rep); err != nil {
		fmt.Println(err)
		return
	}
	for _, line := range strings.Split(b.String(), "\n") {
		if strings.Contains(line, "<testsuites") || strings.Contains(line, "<testcase") || strings.Contains(line, "<skipped") || strings.Contains(line, "coverage") {
			fmt.Println(strings.TrimSpace(line))
		}
	}
	// Output:
	// <testsuites name="benefitstd check" tests="4" failures="0" skipped="2">
	// <property name="coverage ui.art18.above_dibao" value="checked 0, unchecked 12 level-months"></property>
	// <property name="coverage ui.art18.below_min_wage" value="checked 12, unchecked 0 level-months"></property>
	// <property name="coverage ui.art47.not_below_dibao" value="checked 0, unchecked 12 level-months"></property>
	// <property name="coverage ui.target90" value="checked 12, unchecked 0 level-months"></property>
	// <property name="coverage no_cut" value="checked 24, unchecked 0 level-months"></property>
	// <property name="coverage stale" value="checked 12, unchecked 0 level-months"></property>
	// <testcase classname="310000 上海市" name="employment.unemployment_insurance">
	// <testcase classname="310000 上海市" name="reference.min_wage"></testcase>
	// <testcase classname="310000 上海市" name="employment.unemployment_insurance period=1-12 ui.art18.above_dibao unchecked [2022-01, 2023-01)">
	// <skipped message="no_reference: no reference.dibao_urban figure is given for the region or any region above it, nor nationally: ui.art18.above_dibao cannot be evaluated"></skipped>
	// <testcase classname="310000 上海市" name="employment.unemployment_insurance period=1-12 ui.art47.not_below_dibao unchecked [2022-01, 2023-01)">
	// <skipped message="no_reference: no reference.dibao_urban figure is given for the region or any region above it, nor nationally: ui.art47.not_below_dibao cannot be evaluated"></skipped>
}

// A compliance report as an Excel workbook: a county's residents'
// pension of 103 against the national floor of 123 (2024) for 10,000
// persons over six months owes 20 × 10,000 × 6 = 1,200,000.00, a number
// formatted to the fen on the summary sheet with its exact digits in the
// hidden column beside it.
func ExampleNew_xlsx() {
	county := region.MustParseCode("371723")
	rep, err := floor.Check([]floor.Level{{Region: county, Program: "pension.resident.basic", Beneficiaries: 10000,
		Schedule: mustSchedule(benefit.Version{From: benefit.MustParseMonth("2024-01"), Amount: benefit.MustParseAmount("103"), Status: benefit.Legislated})}},
		floor.Options{From: benefit.MustParseMonth("2024-01"), To: benefit.MustParseMonth("2024-07"), AsOf: benefit.MustParseMonth("2024-12")})
	if err != nil {
		fmt.Println(err)
		return
	}
	var b bytes.Buffer
	r, err := output.New(output.FormatXLSX, &b, output.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := r.Render(rep); err != nil {
		fmt.Println(err)
		return
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	fmt.Println(f.GetSheetList())
	for _, cell := range []string{"B16", "C16", "D16"} {
		v, _ := f.GetCellValue("汇总 Summary", cell)
		fmt.Println(cell, v)
	}
	// Output:
	// [汇总 Summary 发现 Findings 覆盖 Coverage 效果 Effects 按地区欠发 Arrears by region 图表 Charts]
	// B16 arrears total
	// C16 1,200,000.00
	// D16 1200000.00
}

// mustSchedule is benefit.NewSchedule for versions known to be valid.
func mustSchedule(vs ...benefit.Version) benefit.Schedule {
	s, err := benefit.NewSchedule(vs...)
	if err != nil {
		panic(err)
	}
	return s
}
