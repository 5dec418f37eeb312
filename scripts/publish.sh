#!/bin/sh
# publish.sh -- replace the served copy of the site in one step: no reader ever sees half a site.
# Usage: scripts/publish.sh OUT DEST
#
# DEST is a symbolic link to the current copy, a folder beside it named
# DEST.site-TIME-PID.  The new site is copied to DEST.new-PID (same file
# system as DEST), renamed to its final name, and a new link is renamed
# over DEST: rename(2) replaces the link atomically, so every request is
# answered from the old copy or the new one, never a mix and never nothing.
# The old copy is removed afterwards.  If DEST is still a plain folder
# (first publish over an existing copy), it is moved aside and the link
# put in its place: two renames in a row, the only moment it can be absent.
set -eu

[ $# -eq 2 ] || { echo "用法：scripts/publish.sh 输出目录 发布目录" >&2; exit 2; }
out=$1
dest=${2%/}
[ -f "$out/index.html" ] || { echo "publish: 错误：“$out”中没有生成的网站，请先运行 make site" >&2; exit 1; }

parent=$(dirname "$dest")
name=$(basename "$dest")
mkdir -p "$parent"
staging="$dest.new-$$"
final="$name.site-$(date +%Y%m%d%H%M%S)-$$"
link="$dest.link-$$"
trap 'rm -rf "$staging" "$link"' EXIT

# Everything but the build's bookkeeping and temporary files.
mkdir "$staging"
cp -R "$out/." "$staging/"
find "$staging" \( -name .issues -o -name .archive -o -name '*.tmp-*' \) -exec rm -f {} +
chmod -R a+rX "$staging"
mv "$staging" "$parent/$final"

old=""
if [ -L "$dest" ]; then
	old=$(readlink "$dest")
elif [ -e "$dest" ]; then
	old="$name.old-$$"
	mv "$dest" "$parent/$old"
fi
ln -s "$final" "$link"
mv -T "$link" "$dest"
# Remove the previous copy only if this script made it.
case $old in
"$name".site-*|"$name".old-*) [ "$old" != "$final" ] && rm -rf "${parent:?}/$old" ;;
esac
echo "已发布：$dest -> $final"
