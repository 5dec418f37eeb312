# d4e7058: an article's last picture that fitted neither below the picture above it on the page nor past the next title went to the next page, leaving its page 17 of 22 lines full.
# guards: the two pictures shrink together and the article, with its byline, ends on its page
run layout --fixed --series "$top/tests/pics/bulletin.yaml" "$top/tests/pics/two.md"
want_status 0
want_in out "image 141.32 106.88 w=318.30 h=198.93 $top/tests/pics/images/wide.png"
want_in out "image 167.85 483.76 w=265.25 h=198.93 $top/tests/pics/images/photo.jpg"
want_in out "text 363.64 734.18 w=157.93 kaiti 15.79 000000 |（县文明办　罗晓梅）|"
