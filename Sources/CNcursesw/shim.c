#include "CNcursesw.h"
#include <string.h>
#include <stdlib.h>
#include <wchar.h>

// Only the character type: what ncursesw needs for wide characters. The other categories
// (numbers, dates, messages) would change nothing the reader shows and cost a dozen
// locale files read before the first frame.
int lede_setup_locale(void) {
    setlocale(LC_CTYPE, "");
    const char *cs = nl_langinfo(CODESET);
    if (cs && strcmp(cs, "UTF-8") == 0) return 1;
    if (setlocale(LC_CTYPE, "C.UTF-8")) return 1;
    return 0;
}

int lede_put_cell(int y, int x, const char *utf8, attr_t attrs, short pair) {
    wchar_t wbuf[16];
    size_t n;
    // One ASCII character (most cells): no need to ask the locale.
    if ((unsigned char)utf8[0] < 0x80 && utf8[0] != 0 && utf8[1] == 0) {
        wbuf[0] = (wchar_t)utf8[0];
        n = 1;
    } else {
        n = mbstowcs(wbuf, utf8, 15);
        if (n == (size_t)-1 || n == 0) { wbuf[0] = L'?'; n = 1; }
    }
    wbuf[n] = 0;
    cchar_t cc;
    if (setcchar(&cc, wbuf, attrs, pair, NULL) != OK) return ERR;
    return mvadd_wch(y, x, &cc);
}

int lede_get_key(int timeout_ms, int *ch) {
    wtimeout(stdscr, timeout_ms);
    wint_t wch = 0;
    int rc = wget_wch(stdscr, &wch);
    *ch = (int)wch;
    return rc;
}

int lede_start(void) {
    if (!initscr()) return -1;
    cbreak();
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    curs_set(0);
    set_escdelay(25);
    return 0;
}

int lede_start_colors(void) {
    if (!has_colors()) return 0;
    start_color();
    use_default_colors();
    // Pairs by role: 1 quote, 2 person, 3 org, 4 place, 5 status, 6 term, 7 search match.
    init_pair(1, COLOR_GREEN, -1);
    init_pair(2, COLOR_YELLOW, -1);
    init_pair(3, COLOR_CYAN, -1);
    init_pair(4, COLOR_MAGENTA, -1);
    init_pair(5, COLOR_BLACK, COLOR_WHITE);
    init_pair(6, COLOR_BLUE, -1);
    init_pair(7, COLOR_BLACK, COLOR_YELLOW);
    return 1;
}

int lede_mouse(int on) {
    if (!on) { mousemask(0, NULL); return 0; }
    mouseinterval(0);
    mmask_t want = BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED;
    return mousemask(want, NULL) != 0;
}

int lede_get_mouse(int *x, int *y, mmask_t *state) {
    MEVENT ev;
    if (getmouse(&ev) != OK) return -1;
    *x = ev.x; *y = ev.y; *state = ev.bstate;
    return 0;
}

int lede_unget_key(int rc, int ch) {
    if (rc == KEY_CODE_YES) return ungetch(ch);
    return unget_wch((wchar_t)ch);
}
