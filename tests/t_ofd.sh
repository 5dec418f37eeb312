#!/bin/sh
# t_ofd.sh -- the OFD edition, judged by software we did not write: the
# package read back with Python's zipfile and ElementTree, its fonts with
# fontTools, its XML parts against the GB/T 33190 schemas (xmllint; the
# schemas are in ../shared), its pages rendered by ofd.js in Chromium
# (../shared/tools/ofdcheck), all against the PDF of the same layout read
# by poppler: page count, text per page in order, glyph origins within
# 0.1 mm, outline entries, fonts embedded and subset; rebuilds
# byte-identical; OFD-A, whose fonts are TrueType (tests/ofd/ttfcompare.py
# holds them against the OFD's CFF cuts, FreeType drawing both); the
# series setting OFD版; make ofd.
cd "$(dirname "$0")/.." || exit 2
. tests/lib.sh
PY=/usr/bin/python3		# Debian's, where python3-fonttools lives
XSD=../shared/reference/ofd-xsd
OFDCHECK=../shared/tools/ofdcheck/ofdcheck.mjs

# build OUT SERIES FILE...: the PDF and the OFD of each file, from one layout.
build() {
	_out=$1 _series=$2
	shift 2
	if "$JB" build --pdf --ofd --series "$_series" --out "$_out" "$@" \
	    2>"$tmp/err"; then
		ok "build --pdf --ofd $*"
	else
		notok "build --pdf --ofd $*"; sed 's/^/# /' "$tmp/err"
	fi
}
build "$tmp/s" bulletin.yaml issues/*/*.md
build "$tmp/t" tests/pdf/bulletin.yaml tests/pdf/issue.md tests/pdf/hant.md
build "$tmp/w" tests/table/turn.yaml tests/table/wide.md
# The same as OFD-A, beside them: $tmp/as, $tmp/at, $tmp/aw.
for a in "s bulletin.yaml issues/*/*.md" \
    "t tests/pdf/bulletin.yaml tests/pdf/issue.md tests/pdf/hant.md" \
    "w tests/table/turn.yaml tests/table/wide.md"; do
	set -- $a
	_d=$1 _series=$2
	shift 2
	"$JB" build --ofd-a --series "$_series" --out "$tmp/a$_d" "$@" \
	    2>"$tmp/err" || { notok "build --ofd-a $*"; sed 's/^/# /' "$tmp/err"; }
done

# Every sample: the OFD against its PDF (tests/ofd/ofdcompare.py).
# name series issue ofd-stem
{
	for f in issues/*/*.md; do
		s=${f#issues/}; s=${s%.md}
		echo "$s bulletin.yaml $f $tmp/s/$s"
	done
	echo "test-issue tests/pdf/bulletin.yaml tests/pdf/issue.md $tmp/t/issue"
	echo "test-hant tests/pdf/bulletin.yaml tests/pdf/hant.md $tmp/t/hant"
	echo "turned-table tests/table/turn.yaml tests/table/wide.md $tmp/w/wide"
} >"$tmp/samples"
if [ ! -x "$PY" ] || ! command -v pdftotext >/dev/null; then
	skip "OFD against PDF" "no /usr/bin/python3 or poppler-utils"
else
	while read -r name series f stem; do
		n=$("$JB" dump --series "$series" "$f" | grep -c '^article')
		"$PY" tests/ofd/ofdcompare.py "$name" "$stem.ofd" "$stem.pdf" "$n"
		# OFD-A: the same checks, and its TrueType fonts against the
		# OFD's CFF cuts
		astem=$tmp/a${stem#"$tmp"/}
		"$PY" tests/ofd/ofdcompare.py "$name OFD-A" "$astem.ofd" "$stem.pdf" "$n"
		printf '%s\n' "$name OFD-A" "$astem.ofd" "$stem.ofd" >>"$tmp/ttf"
	done <"$tmp/samples"
	(IFS='
'; "$PY" tests/ofd/ttfcompare.py $(cat "$tmp/ttf"))
fi

# Pictures go in as their files are: every picture in the packages has
# the bytes of one of the issues' picture files.
if [ -x "$PY" ]; then
	check "pictures in the OFDs are the issues' own files, byte for byte" "\"\$PY\" - '$tmp' <<'PY'
import glob, hashlib, sys, zipfile
own = {hashlib.sha256(open(f, 'rb').read()).digest()
       for f in glob.glob('issues/*/images/*') + glob.glob('tests/pdf/images/*')}
n = 0
for f in glob.glob(sys.argv[1] + '/s/*/*.ofd') + glob.glob(sys.argv[1] + '/t/*.ofd'):
    z = zipfile.ZipFile(f)
    for name in z.namelist():
        if name.startswith('Doc_0/Res/image_'):
            assert hashlib.sha256(z.read(name)).digest() in own, (f, name)
            n += 1
assert n > 5, n
PY"
fi

# The XML parts against the schemas, each with its root's schema.
if ! shared reference/ofd-xsd; then
	skip "XML parts valid against the OFD schemas" "no ../shared/reference/ofd-xsd"
elif ! command -v xmllint >/dev/null || [ ! -x "$PY" ]; then
	skip "XML parts valid against the OFD schemas" "no xmllint or /usr/bin/python3"
else
	mkdir -p "$tmp/x"
	"$PY" - "$tmp/x" "$tmp"/s/*/*.ofd "$tmp"/t/*.ofd "$tmp"/w/*.ofd <<'PY'
import os, re, sys, zipfile
out = sys.argv[1]
for k, f in enumerate(sys.argv[2:]):
    z = zipfile.ZipFile(f)
    for n in z.namelist():
        if n.endswith(".xml"):
            data = z.read(n)
            root = re.search(rb"<ofd:(\w+)", data).group(1).decode()
            d = os.path.join(out, root)
            os.makedirs(d, exist_ok=True)
            open(os.path.join(d, "%d-%s" % (k, n.replace("/", "_"))), "wb").write(data)
PY
	bad=0 parts=0
	for d in "$tmp"/x/*; do
		root=$(basename "$d")
		set -- "$d"/*
		parts=$((parts + $#))
		xmllint --noout --nonet --schema "$XSD/$root.xsd" "$@" \
		    2>"$tmp/xsd" || { bad=1; grep -v ' validates$' "$tmp/xsd" | head -5 | sed 's/^/# /'; }
	done
	check "$parts XML parts of $(ls "$tmp"/s/*/*.ofd "$tmp"/t/*.ofd "$tmp"/w/*.ofd | wc -l) OFDs valid against the schemas" \
	    '[ $bad = 0 ] && [ $parts -gt 30 ]'
fi

# ofd.js renders one zh-Hans sample, one zh-Hant sample and the turned
# table; their text and positions against the PDF's.  Its node modules are
# installed once into build/ofdcheck (npm ci), or taken from
# OFDCHECK_MODULES.
MODS=${OFDCHECK_MODULES:-$(pwd)/build/ofdcheck}
if ! shared tools/ofdcheck; then
	skip "ofdcheck (ofd.js in Chromium)" "no ../shared/tools/ofdcheck"
elif ! command -v node >/dev/null || ! command -v chromium >/dev/null; then
	skip "ofdcheck (ofd.js in Chromium)" "no node or chromium"
else
	if [ ! -d "$MODS/node_modules/ofd.js" ]; then
		mkdir -p "$MODS" &&
		cp ../shared/tools/ofdcheck/package.json ../shared/tools/ofdcheck/package-lock.json "$MODS/" &&
		npm ci --prefix "$MODS" >/dev/null 2>&1
	fi
	if [ ! -d "$MODS/node_modules/ofd.js" ]; then
		skip "ofdcheck (ofd.js in Chromium)" "npm ci of its modules failed"
	else
		grep -E '^(2026/01|2026/02|turned-table) ' "$tmp/samples" |
		while read -r name series f stem; do
			n=$("$JB" dump --series "$series" "$f" | grep -c '^article')
			node "$OFDCHECK" "$stem.ofd" "$tmp/check-${name%%/*}-${name##*/}" \
			    --chars --strict --png --modules "$MODS" \
			    >"$tmp/check.json" 2>"$tmp/err"
			st=$?
			check "$name: ofdcheck opens it without errors (strict)" '[ $st = 0 ]' ||
			    sed 's/^/# /' "$tmp/err"
			[ -s "$tmp/check.json" ] || continue
			"$PY" tests/ofd/ofdcompare.py "$name" "$stem.ofd" "$stem.pdf" \
			    "$n" "$tmp/check.json"
		done
		# OFD-A drawn with its own TrueType fonts (one zh-Hans sample
		# in Fandol, one zh-Hant in Noto CJK): Chromium must take every
		# one.  Not --strict: the 2016 schema knows no DocType OFD-A
		# (ofdcompare.py lets exactly that finding pass).
		grep -E '^(2026/01|2026/02) ' "$tmp/samples" |
		while read -r name series f stem; do
			n=$("$JB" dump --series "$series" "$f" | grep -c '^article')
			astem=$tmp/a${stem#"$tmp"/}
			node "$OFDCHECK" "$astem.ofd" "$tmp/checka-${name%%/*}-${name##*/}" \
			    --chars --png --embedded-fonts --modules "$MODS" \
			    >"$tmp/check.json" 2>"$tmp/err"
			st=$?
			check "$name OFD-A: ofdcheck opens it without errors" '[ $st = 0 ]' ||
			    sed 's/^/# /' "$tmp/err"
			[ -s "$tmp/check.json" ] || continue
			"$PY" tests/ofd/ofdcompare.py "$name OFD-A" "$astem.ofd" "$stem.pdf" \
			    "$n" "$tmp/check.json"
		done
	fi
fi

# Same input, same bytes, whatever the time zone; SOURCE_DATE_EPOCH
# gives the modification date and the zip entries' time.
TZ=Asia/Shanghai "$JB" build --ofd --out "$tmp/r" issues/2026/01.md 2>/dev/null
check "rebuild is byte-identical (other time zone)" "cmp -s '$tmp/s/2026/01.ofd' '$tmp/r/2026/01.ofd'"
SOURCE_DATE_EPOCH=1800000000 "$JB" build --ofd --out "$tmp/e1" issues/2026/01.md 2>/dev/null
SOURCE_DATE_EPOCH=1800000000 TZ=Asia/Shanghai "$JB" build --ofd --out "$tmp/e2" issues/2026/01.md 2>/dev/null
check "SOURCE_DATE_EPOCH: rebuild byte-identical" "cmp -s '$tmp/e1/2026/01.ofd' '$tmp/e2/2026/01.ofd'"
if [ -x "$PY" ]; then
	check "SOURCE_DATE_EPOCH: ModDate 2027-01-15, zip times 2027-01-15" "\"\$PY\" -c '
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
assert b\"<ofd:ModDate>2027-01-15</ofd:ModDate>\" in z.read(\"OFD.xml\")
assert all(i.date_time[:3] == (2027, 1, 15) for i in z.infolist())
' '$tmp/e1/2026/01.ofd'"
fi

# OFD-A: the same package but for its DocType and its fonts, TrueType
# where the OFD's are CFF (file names .ttf), and OFD.xml valid against the
# 2016 schema once it allows OFD-A (the schema fixes DocType="OFD").
if [ -x "$PY" ]; then
	check "--ofd-a: DocType OFD-A, the pages and every other part as the OFD's, fonts TrueType" "\"\$PY\" - '$tmp/as/2026/01.ofd' '$tmp/s/2026/01.ofd' <<'PY'
import sys, zipfile
a, b = zipfile.ZipFile(sys.argv[1]), zipfile.ZipFile(sys.argv[2])
assert b'DocType=\"OFD-A\"' in a.read('OFD.xml')
ttf = lambda n: n.replace('.otf', '.ttf')
assert a.namelist() == [ttf(n) for n in b.namelist()]
fonts = [n for n in b.namelist() if n.startswith('Doc_0/Res/font_')]
assert fonts and any(n.endswith('.otf') for n in fonts)
for n in b.namelist():
    if n == 'OFD.xml':
        continue
    if n == 'Doc_0/PublicRes.xml':
        assert a.read(n) == b.read(n).replace(b'.otf<', b'.ttf<'), n
    elif n in fonts:
        assert a.read(ttf(n))[:4] == b'\\0\\1\\0\\0', n
        assert (a.read(ttf(n)) == b.read(n)) == (b.read(n)[:4] != b'OTTO'), n
    else:
        assert a.read(n) == b.read(n), n
PY"
	check "--ofd-a: rebuild is byte-identical" "TZ=Asia/Shanghai \"\$JB\" build --ofd-a --out '$tmp/ar' issues/2026/01.md 2>/dev/null && cmp -s '$tmp/as/2026/01.ofd' '$tmp/ar/2026/01.ofd'"
	if shared reference/ofd-xsd && command -v xmllint >/dev/null; then
		mkdir -p "$tmp/xa" && cp "$XSD"/*.xsd "$tmp/xa/"
		sed -i 's/ fixed="OFD"//; s|<xs:enumeration value="OFD" />|&<xs:enumeration value="OFD-A" />|' "$tmp/xa/OFD.xsd"
		"$PY" -c 'import sys, zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read("OFD.xml"))' \
		    "$tmp/as/2026/01.ofd" >"$tmp/xa/doc.xml"
		check "--ofd-a: OFD.xml valid against the schema allowing OFD-A" \
		    "xmllint --noout --nonet --schema '$tmp/xa/OFD.xsd' '$tmp/xa/doc.xml' 2>/dev/null"
	else
		skip "--ofd-a: OFD.xml valid against the schema allowing OFD-A" "no ../shared/reference/ofd-xsd or xmllint"
	fi
fi

# The series setting: OFD版 是 makes the OFD with every print edition and
# the page links it; OFD-A makes it OFD-A; anything else is an error.
sed 's/^OFD版: 否$/OFD版: 是/' bulletin.yaml >"$tmp/yes.yaml"
cp -r fonts "$tmp/" 2>/dev/null
"$JB" build --html --pdf --series "$tmp/yes.yaml" --out "$tmp/y" issues/2026/03.md 2>/dev/null
check "OFD版: 是 -- build --pdf writes the OFD too" "[ -s '$tmp/y/2026/03.ofd' ]"
check "OFD版: 是 -- the page links it" "grep -q 'class=\"ofd\" href=\"03.ofd\" type=\"application/ofd\"' '$tmp/y/2026/03.html'"
check "OFD版: 否 -- the page has no OFD link" "[ -s '$tmp/s/2026/03.pdf' ] && \"\$JB\" build --html --out '$tmp/n' issues/2026/03.md && ! grep -q '\\.ofd' '$tmp/n/2026/03.html' && [ ! -e '$tmp/n/2026/03.ofd' ]"
sed 's/^OFD版: 否$/OFD版: OFD-A/' bulletin.yaml >"$tmp/a.yaml"
"$JB" build --pdf --series "$tmp/a.yaml" --out "$tmp/ya" issues/2026/03.md 2>/dev/null
check "OFD版: OFD-A -- the OFD is OFD-A" "[ -x \"\$PY\" ] && \"\$PY\" -c 'import sys, zipfile; assert b\"OFD-A\" in zipfile.ZipFile(sys.argv[1]).read(\"OFD.xml\")' '$tmp/ya/2026/03.ofd'"
sed 's/^OFD版: 否$/OFD版: 要/' bulletin.yaml >"$tmp/bad.yaml"
"$JB" build --pdf --series "$tmp/bad.yaml" --out "$tmp/yb" issues/2026/03.md 2>"$tmp/err"
st=$?
check "OFD版: 要 -- an error naming the three choices" "[ $st -ne 0 ] && grep -q '错误：.*“OFD版”.*否、是 或 OFD-A' '$tmp/err'" ||
    sed 's/^/# /' "$tmp/err"

# The print edition's forms in the OFD too: a draft's every page carries
# the draft mark as a Watermark annotation (the word and the date, turned
# as in the PDF), a normal build none; 套打 leaves out exactly the red
# runs and rules, everything else where the normal OFD has it.
"$JB" build --ofd --draft --out "$tmp/dr" issues/2026/01.md 2>/dev/null
"$JB" build --ofd --taoda --out "$tmp/td" issues/2026/01.md 2>/dev/null
if [ -x "$PY" ]; then
	check "--draft: a Watermark annotation with 送审稿 and the date on every page" "\"\$PY\" - '$tmp/dr/2026/01.ofd' <<'PY'
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
doc = z.read('Doc_0/Document.xml').decode()
pages = re.findall(r'<ofd:Page ID=\"(\d+)\"', doc)
idx = z.read('Doc_0/Annots/Annotations.xml').decode()
assert re.findall(r'PageID=\"(\d+)\"', idx) == pages, idx
for loc in re.findall(r'<ofd:FileLoc>([^<]+)</ofd:FileLoc>', idx):
    a = z.read('Doc_0/Annots/' + loc).decode()
    assert 'Type=\"Watermark\"' in a and 'ReadOnly=\"true\"' in a, a[:300]
    text = ''.join(re.findall(r'<ofd:TextCode[^>]*>([^<]*)<', a))
    assert text.startswith('送审稿') and '2026' in text and '16' in text, text
    assert 'CTM=\"0.7071 -0.7071 0.7071 0.7071' in a
PY"
	check "normal builds have no annotations" "\"\$PY\" -c 'import sys, zipfile; sys.exit(any(\"Annots\" in n for n in zipfile.ZipFile(sys.argv[1]).namelist()))' '$tmp/s/2026/01.ofd'"
	check "--taoda: no red, every other object where the normal OFD has it" "\"\$PY\" - '$tmp/td/2026/01.ofd' '$tmp/s/2026/01.ofd' <<'PY'
import re, sys, zipfile
def objs(f):
    z = zipfile.ZipFile(f)
    out = []
    for n in sorted(n for n in z.namelist() if n.startswith('Doc_0/Pages/')):
        s = z.read(n).decode()
        for m in re.finditer(r'<ofd:(TextObject|PathObject|ImageObject) ID=\"\d+\" (.*?)</ofd:\1>|<ofd:ImageObject ID=\"\d+\" ([^>]*)/>', s):
            # what places and draws it; font and glyph numbers follow
            # from which faces the issue uses
            o = m.group(0).split(' ', 2)[2]
            o = re.sub(r' Font=\"\d+\"|<ofd:Glyphs>[^<]*</ofd:Glyphs>', '', o)
            out.append((n, o))
    return out
t, n = objs(sys.argv[1]), objs(sys.argv[2])
assert not any('230 0 18' in o for _, o in t)
gone = [o for o in n if o not in t]
assert gone and all('230 0 18' in o for _, o in gone), gone[:3]
assert [o for o in n if o in t] == t
PY"
fi

# make ofd: the OFD of every issue, built in one batch.
make -s ofd OUT="$tmp/mk" >/dev/null 2>"$tmp/err"
check "make ofd writes out/YYYY/NN.ofd for every issue" \
    "[ \$(ls '$tmp'/mk/*/*.ofd | wc -l) -eq \$(ls issues/*/*.md | wc -l) ]" || sed 's/^/# /' "$tmp/err"

exit $((fails > 0))
