#include "CNcursesw.h"
#include <string.h>
#include <stdlib.h>
#include <wchar.h>

int lede_setup_locale(void) {
    setlocale(LC_ALL, "");
    const char *cs = nl_langinfo(CODESET);
    if (cs && strcmp(cs, "UTF-8") == 0) return 1;
    if (setlocale(LC_ALL, "C.UTF-8")) return 1;
    return 0;
}

int lede_put_cell(int y, int x, const char *utf8, attr_t attrs, short pair) {
    wchar_t wbuf[16];
    size_t n = mbstowcs(wbuf, utf8, 15);
    if (n == (size_t)-1 || n == 0) { wbuf[0] = L'?'; n = 1; }
    wbuf[n] = 0;
    cchar_t cc;
    if (setcchar(&cc, wbuf, attrs, pair, NULL) != OK) return ERR;
    return mvadd_wch(y, x, &cc);
}
