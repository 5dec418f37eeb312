/* spec.h -- the GB/T 9704 page and type both print-like editions set: sizes, grid, colour; device-independent. */
#ifndef JIANBAO_SPEC_H
#define JIANBAO_SPEC_H

/*
 * The facts of the page and of each part's type that the PDF's layout
 * (layint.h) and the DOCX (docx.c) both describe, each in its own units:
 * the layout in pt of its own grid, the DOCX in twips and half-points
 * for Word to set.  Lengths in mm, sizes in pt.
 */
#define SPEC_PAGE_W	210		/* A4, mm */
#define SPEC_PAGE_H	297
#define SPEC_TOP	37		/* 天头: top margin, mm */
#define SPEC_LEFT	28		/* 订口: left margin, mm */
#define SPEC_MEASURE	156		/* 版心 width, mm */
#define SPEC_HEIGHT	225		/* 版心 height, mm */
#define SPEC_LINES	22		/* lines per page */
#define SPEC_CHARS	28		/* characters per full line */
#define SPEC_FOLIO	7		/* page number below the 版心, mm */

#define SPEC_RED	0xE60012	/* 刊名 and rule: CMYK 0/80/80/0 as printed */
#define SPEC_SIZE_0	42.0		/* 初号: 刊名 (shrunk to the measure) */
#define SPEC_SIZE_2	22.0		/* 二号: article titles */
#define SPEC_SIZE_3	16.0		/* 三号: body, headings, 报头 lines */
#define SPEC_SIZE_XBS3	18.0		/* 小二: the 本期要目 label */
#define SPEC_SIZE_4	14.0		/* 四号: 报尾, page numbers */

#define SPEC_RULE_RED	1.0		/* red rule under the 报头, pt */
#define SPEC_RULE_HEAVY	0.35		/* 报尾 first and last rules, mm */
#define SPEC_RULE_LIGHT	0.25		/* 报尾 rules between, mm */

#endif
