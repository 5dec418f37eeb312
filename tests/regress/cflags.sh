# d32ecd9: a CFLAGS given on make's command line dropped the Makefile's own flags (-std=c11 and the warnings).
# guards: make CFLAGS=-O0 still compiles with -std=c11 -Wall
make -n -B -C "$top" --no-print-directory CFLAGS=-O0 build/util/mem.o >make.log 2>&1
want_in make.log " -O0 "
want_in make.log " -std=c11 "
want_in make.log " -Wall "
