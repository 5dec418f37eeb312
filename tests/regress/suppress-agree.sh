# b22873b: check and check --fix read suppression markers two ways: a marker with a blank line under it silenced check only, one written "( jianbao: …" silenced --fix only.
# guards: check and check --fix silence the same blocks: a marker covers the next block across a blank line, in every form either took
printf -- '---\n期号: 1\n日期: 2024-01-05\n---\n\n## 题\n\n[//]: # (jianbao: ignore cjk-space)\n\n社区 街道的工作。\n\n[//]: # ( jianbao: ignore cjk-space )\n社区 街道的事情。\n\n[//]: # "jianbao:ignore halfwidth-punct,cjk-space"\n社区 街道,在做。\n\n社区 街道没有标记。\n' >issue.md
run check issue.md
want_status 0
want_err 'issue.md:18:3: 警告：汉字 “区街” 之间有多余的空格 [cjk-space]'
run check --fix --dry-run issue.md
want_status 0
want_err 'issue.md:18:3: 可修正：“区 街” → “区街” [cjk-space]'
run check --fix issue.md
want_in issue.md '社区街道没有标记。'
want_in issue.md '社区 街道的工作。'
want_in issue.md '社区 街道的事情。'
want_in issue.md '社区 街道,在做。'
