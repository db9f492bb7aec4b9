// Package floor holds the national benefit floors (国家基础标准) and the
// compliance engine that checks local levels against them: a local level
// is never lower than the national one (国家有统一标准的项目，按照不低于国家标准执行),
// and where it is, the report says exactly what is owed (补发).
//
// (The full manual follows in this file once the engine is complete.)
package floor
