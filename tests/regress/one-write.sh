# d1596e0: commands other than build wrote a message in pieces, which other processes on the same stderr (make -j) split.
# guards: check writes each message to stderr in one write
printf -- '---\n期号: 1\n日期: 2024-01-05\n---\n\n## 图\n\n![图](a.png)\n\n![图](b.png)\n' >two.md
# On a packet socket every write arrives as one message.
python3 - "$JB" check two.md >writes <<'PY'
import socket, subprocess, sys
mine, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
p = subprocess.Popen(sys.argv[1:], stderr=theirs, stdout=subprocess.DEVNULL)
theirs.close()
while True:
    m = mine.recv(65536)
    if not m:
        break
    sys.stdout.write(repr(m.decode()) + '\n')
p.wait()
PY
[ "$(wc -l <writes)" -eq 2 ] || fail "$(wc -l <writes) writes for 2 messages:" "$(cat writes)"
want_in writes "two.md:10:1: 错误：找不到图片文件 “b.png” [image-missing]\n"
