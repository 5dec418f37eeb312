#!/bin/sh
# pdfa.sh -- what finishing the PDF through libqpdf costs (src/print/pdffinish.c):
# instructions (callgrind, steady where wall time on a shared machine is not)
# of pdf_finish against the whole `build --pdf` of one issue, without and
# with --pdfa.  The issue's rule: PDF/A may be the default if it costs at most
# 10 % of the PDF's time.
#   sh bench/pdfa.sh [ISSUE]        (default issues/2026/01.md)
cd "$(dirname "$0")/.." || exit 2
JB=${JB:-./jianbao}
ISSUE=${1:-issues/2026/01.md}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
command -v valgrind >/dev/null || { echo "pdfa.sh: needs valgrind" >&2; exit 2; }

for v in "" --pdfa; do
	valgrind --tool=callgrind --callgrind-out-file="$tmp/cg" \
	    "$JB" build --pdf $v --out "$tmp/out" "$ISSUE" 2>/dev/null || exit 1
	callgrind_annotate --inclusive=yes "$tmp/cg" 2>/dev/null | awk -v v="${v:-(plain)}" '
		function n(s) { gsub(",", "", s); return s + 0 }
		/PROGRAM TOTALS/ { all = n($1) }
		/pdffinish.c:pdf_finish / { fin = n($1) }
		/pdf.c:pdf_paint / { paint = n($1) }
		END { printf "build --pdf %s: %.1f M instructions; pdf_finish %.1f M = %.1f %% of the build (%.1f %% of pdf_paint)\n",
		    v, all / 1e6, fin / 1e6, 100 * fin / all, 100 * fin / paint }'
done
