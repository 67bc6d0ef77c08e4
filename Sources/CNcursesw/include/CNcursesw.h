#ifndef CNCURSESW_H
#define CNCURSESW_H
// The only C Lede writes: ncursesw's globals and function-like macros as plain inline
// functions, which Swift 6 can import.
#define _XOPEN_SOURCE_EXTENDED 1
#include <ncursesw/curses.h>
#include <locale.h>
#include <langinfo.h>

static inline WINDOW *lede_stdscr(void) { return stdscr; }
static inline int lede_lines(void) { return LINES; }
static inline int lede_cols(void) { return COLS; }
static inline int lede_colors(void) { return COLORS; }
static inline attr_t lede_a_bold(void) { return A_BOLD; }
static inline attr_t lede_a_underline(void) { return A_UNDERLINE; }
static inline attr_t lede_a_reverse(void) { return A_REVERSE; }
static inline attr_t lede_a_dim(void) { return A_DIM; }
static inline attr_t lede_a_italic(void) { return A_ITALIC; }
static inline attr_t lede_a_normal(void) { return A_NORMAL; }
static inline int lede_key_f(int n) { return KEY_F(n); }
static inline int lede_key_resize(void) { return KEY_RESIZE; }
static inline int lede_key_mouse(void) { return KEY_MOUSE; }
static inline mmask_t lede_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t lede_button5_pressed(void) { return BUTTON5_PRESSED; }
static inline mmask_t lede_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline int lede_color_pair(int n) { return COLOR_PAIR(n); }

/// Sets the locale from the environment; falls back to C.UTF-8 when its codeset is not
/// UTF-8, or non-ASCII text renders blank. Returns 1 when a UTF-8 locale is in force.
int lede_setup_locale(void);

/// Puts one cell: a UTF-8 grapheme (NUL-terminated) with attributes and a colour pair.
int lede_put_cell(int y, int x, const char *utf8, attr_t attrs, short pair);

#endif
