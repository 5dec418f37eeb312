#!/usr/bin/env python3
# inject.py -- add pictures to generated issues, for the page-fill measure:
# after every few paragraphs of an article (never in 工作简讯) a picture
# or a row of two or three, with captions and a credit, chosen by a fixed
# seed.  usage: inject.py IMAGES_DIR ISSUE.md...  (rewrites each issue and
# copies the pictures into an images/ folder beside it)
import os
import random
import shutil
import sys

KINDS = [['wide.png'], ['photo.jpg'], ['photo.jpg', 'upright.png'],
         ['wide.png', 'square.png', 'upright.png'], ['upright.png']]
CAPTIONS = ['志愿者在街口引导行人', '社区居民参加环境整治', '网格员上门走访',
            '新建的口袋公园', '文明实践站里的读书角']


def main():
    src = sys.argv[1]
    for path in sys.argv[2:]:
        rnd = random.Random(os.path.basename(path))
        d = os.path.join(os.path.dirname(path), 'images')
        os.makedirs(d, exist_ok=True)
        for f in os.listdir(src):
            shutil.copy(os.path.join(src, f), d)
        text = open(path, encoding='utf-8').read()
        head, body = text.split('\n---\n', 1)
        out, briefs, since = [], False, 0
        for para in body.split('\n\n'):
            out.append(para)
            if para.startswith('## '):
                briefs = para.endswith('简讯')
                since = 0
                continue
            since += 1
            if briefs or not para or para[0] in '#（—★>' or since < 3 or \
                    rnd.random() < 0.5:
                continue
            kind = rnd.choice(KINDS)
            out.append('\n'.join('![%s](images/%s "%s")' % (c, f, c)
                                 for f, c in zip(kind, rnd.sample(CAPTIONS, len(kind)))))
            out.append('（县融媒体中心　齐小川 摄）')
            since = 0
        open(path, 'w', encoding='utf-8').write(head + '\n---\n' + '\n\n'.join(out))


if __name__ == '__main__':
    main()
