"""textwrap: wrapping and filling text (ftl's frozen module).

CPython 3.11's API: TextWrapper (width, initial_indent, subsequent_indent,
expand_tabs, tabsize, replace_whitespace, fix_sentence_endings,
break_long_words, drop_whitespace, break_on_hyphens, max_lines,
placeholder) with wrap() and fill(); the functions wrap, fill, shorten,
dedent and indent.

CPython splits text into chunks with regular expressions (wordsep_re,
wordsep_simple_re, sentence_end_re and two more in dedent); ftl has no
``re`` module yet, so the same rules are written out by hand:

* chunks are runs of the whitespace characters ``\\t\\n\\x0b\\x0c\\r`` and
  space, and runs of other characters; with break_on_hyphens a run is
  further cut after a hyphen that has two letters before it (or
  letter-hyphen-letter) and a letter, an optional hyphen and a letter
  after it, and before an em-dash ("--" or longer, after a letter, digit
  or one of ``!"'&.,?`` and before a letter or digit), exactly where
  CPython's wordsep_re cuts ("letter" is a \\w character that is not a
  decimal digit, as in the regex);
* a sentence ends (fix_sentence_endings) in a chunk ending with an ASCII
  lower-case letter, one of ``.!?`` and an optional quote;
* dedent's blank lines are lines of only spaces and tabs, and its margin
  the longest common run of leading spaces and tabs, lines being split at
  "\\n" only (as the MULTILINE regexes do).

So the output is CPython's for all inputs, as far as ftl's str.isalnum /
isdecimal agree with CPython's Unicode database for non-ASCII letters.
The class attributes wordsep_re, wordsep_simple_re and sentence_end_re
(compiled regexes) are not provided.
"""

__all__ = ['TextWrapper', 'wrap', 'fill', 'dedent', 'indent', 'shorten']

# Only these count as whitespace for splitting (not Unicode's others).
_whitespace = '\t\n\x0b\x0c\r '

_WORD_PUNCT = '!"\'&.,?'


def _is_w(c):
    # re's \w for str patterns
    return c.isalnum() or c == '_'


def _is_letter(c):
    # [^\d\W]: a \w character that is not a decimal digit
    return (c.isalnum() or c == '_') and not c.isdecimal()


def _is_word_punct(c):
    return c.isalnum() or c == '_' or c in _WORD_PUNCT


def _hyphen_break(w, k):
    """Whether the hyphen w[k] ends a chunk (CPython's hyphenated word)."""
    n = len(w)
    if k + 2 >= n or not _is_letter(w[k + 1]):
        return False
    after = w[k + 2]
    if not (_is_letter(after) or (after == '-' and k + 3 < n
                                  and _is_letter(w[k + 3]))):
        return False
    if k >= 2 and _is_letter(w[k - 2]) and _is_letter(w[k - 1]):
        return True
    return (k >= 3 and _is_letter(w[k - 3]) and w[k - 2] == '-'
            and _is_letter(w[k - 1]))


def _dash_run_end(w, k):
    """The end of the em-dash starting at w[k] when it is followed by a
    \\w character, else -1."""
    n = len(w)
    q = k
    while q < n and w[q] == '-':
        q += 1
    if q - k >= 2 and q < n and _is_w(w[q]):
        return q
    return -1


def _split_word(w, out):
    """Append the chunks of w (no whitespace in it) to out."""
    if '-' not in w:
        out.append(w)
        return
    n = len(w)
    p = 0
    while p < n:
        if p > 0 and w[p] == '-' and _is_word_punct(w[p - 1]):
            q = _dash_run_end(w, p)
            if q >= 0:
                out.append(w[p:q])
                p = q
                continue
        k = p + 1
        while k < n:
            if w[k] == '-':
                if _hyphen_break(w, k):
                    k += 1
                    break
                if _is_word_punct(w[k - 1]) and _dash_run_end(w, k) >= 0:
                    break
            k += 1
        out.append(w[p:k])
        p = k


def _runs(text):
    """text cut into alternating runs of whitespace and of the rest."""
    for c in '\t\n\x0b\x0c\r':
        if c in text:
            break
    else:
        # Only spaces: str.split does the scanning.
        out = []
        spaces = 0
        for piece in text.split(' '):
            if piece:
                if spaces:
                    out.append(' ' * spaces)
                out.append(piece)
                spaces = 1
            else:
                spaces += 1
        # split(' ') gives one more piece than there are spaces.
        if spaces > 1:
            out.append(' ' * (spaces - 1))
        return out
    out = []
    n = len(text)
    p = 0
    while p < n:
        q = p + 1
        if text[p] in _whitespace:
            while q < n and text[q] in _whitespace:
                q += 1
        else:
            while q < n and text[q] not in _whitespace:
                q += 1
        out.append(text[p:q])
        p = q
    return out


def _sentence_end(chunk):
    if chunk.endswith('"') or chunk.endswith("'"):
        chunk = chunk[:-1]
    return (len(chunk) >= 2 and chunk[-1] in '.!?'
            and 'a' <= chunk[-2] <= 'z')


class TextWrapper:
    """Wraps paragraphs into lines of at most width characters.

    The attributes (also the constructor's arguments):
      width: the longest a line may be, indent included (70);
      initial_indent / subsequent_indent: put before the first line /
        the others ("");
      expand_tabs, tabsize: expand tabs first, to multiples of tabsize
        (True, 8);
      replace_whitespace: then make each whitespace character a space
        (True);
      fix_sentence_endings: two spaces after the end of a sentence
        (False);
      break_long_words: cut words longer than a line (True);
      break_on_hyphens: lines may also end after the hyphens of compound
        words (True);
      drop_whitespace: no whitespace at the start (but on the first line)
        or end of a line (True);
      max_lines: keep at most that many lines, the last ending with
        placeholder (None, ' [...]').
    """

    unicode_whitespace_trans = {}
    for _c in _whitespace:
        unicode_whitespace_trans[ord(_c)] = ord(' ')
    del _c
    uspace = ord(' ')

    def __init__(self,
                 width=70,
                 initial_indent="",
                 subsequent_indent="",
                 expand_tabs=True,
                 replace_whitespace=True,
                 fix_sentence_endings=False,
                 break_long_words=True,
                 drop_whitespace=True,
                 break_on_hyphens=True,
                 tabsize=8,
                 *,
                 max_lines=None,
                 placeholder=' [...]'):
        self.width = width
        self.initial_indent = initial_indent
        self.subsequent_indent = subsequent_indent
        self.expand_tabs = expand_tabs
        self.replace_whitespace = replace_whitespace
        self.fix_sentence_endings = fix_sentence_endings
        self.break_long_words = break_long_words
        self.drop_whitespace = drop_whitespace
        self.break_on_hyphens = break_on_hyphens
        self.tabsize = tabsize
        self.max_lines = max_lines
        self.placeholder = placeholder

    # -- private methods (subclasses may override them) ----------------

    def _munge_whitespace(self, text):
        """Expand tabs, then turn each whitespace character into a space
        (as the options say)."""
        if self.expand_tabs:
            text = text.expandtabs(self.tabsize)
        if self.replace_whitespace:
            text = text.translate(self.unicode_whitespace_trans)
        return text

    def _split(self, text):
        """text cut into the pieces a line break may come between:
        whitespace runs and words, the words also cut after the hyphens
        of compound words and around em-dashes when break_on_hyphens is
        true."""
        runs = _runs(text)
        if not self.break_on_hyphens:
            return runs
        chunks = []
        for run in runs:
            if run[0] in _whitespace:
                chunks.append(run)
            else:
                _split_word(run, chunks)
        return chunks

    def _fix_sentence_endings(self, chunks):
        """Make the single space after a sentence's end two spaces."""
        i = 0
        last = len(chunks) - 1
        while i < last:
            if chunks[i + 1] == " " and _sentence_end(chunks[i]):
                chunks[i + 1] = "  "
                i += 2
            else:
                i += 1

    def _handle_long_word(self, reversed_chunks, cur_line, cur_len, width):
        """Deal with a chunk longer than a whole line: cut it to fill the
        current line (after a hyphen if one fits) or, with
        break_long_words false, put it whole on an empty line."""
        if width < 1:
            space_left = 1
        else:
            space_left = width - cur_len
        if self.break_long_words:
            end = space_left
            chunk = reversed_chunks[-1]
            if self.break_on_hyphens and len(chunk) > space_left:
                # Cut after the last hyphen that fits, unless only
                # hyphens come before it.
                hyphen = chunk.rfind('-', 0, space_left)
                if hyphen > 0 and chunk[:hyphen].strip('-'):
                    end = hyphen + 1
            cur_line.append(chunk[:end])
            reversed_chunks[-1] = chunk[end:]
        elif not cur_line:
            cur_line.append(reversed_chunks.pop())
        # Otherwise the long chunk waits for the next line.

    def _wrap_chunks(self, chunks):
        """Wrap a list of chunks into lines of at most width characters
        (indents included); chunks is consumed."""
        lines = []
        if self.width <= 0:
            raise ValueError("invalid width %r (must be > 0)" % self.width)
        if self.max_lines is not None:
            if self.max_lines > 1:
                indent = self.subsequent_indent
            else:
                indent = self.initial_indent
            if len(indent) + len(self.placeholder.lstrip()) > self.width:
                raise ValueError("placeholder too large for max width")

        # Taken from the end: reversed, pop() takes the next chunk.
        chunks.reverse()
        while chunks:
            cur_line = []
            cur_len = 0
            indent = self.subsequent_indent if lines else self.initial_indent
            width = self.width - len(indent)

            # A line does not start with whitespace (but the first may).
            if self.drop_whitespace and chunks[-1].strip() == '' and lines:
                del chunks[-1]

            while chunks:
                size = len(chunks[-1])
                if cur_len + size > width:
                    break
                cur_line.append(chunks.pop())
                cur_len += size

            if chunks and len(chunks[-1]) > width:
                self._handle_long_word(chunks, cur_line, cur_len, width)
                cur_len = 0
                for piece in cur_line:
                    cur_len += len(piece)

            if self.drop_whitespace and cur_line and cur_line[-1].strip() == '':
                cur_len -= len(cur_line[-1])
                del cur_line[-1]

            if not cur_line:
                continue
            if (self.max_lines is None
                    or len(lines) + 1 < self.max_lines
                    or ((not chunks
                         or (self.drop_whitespace and len(chunks) == 1
                             and not chunks[0].strip()))
                        and cur_len <= width)):
                lines.append(indent + ''.join(cur_line))
                continue
            # The last line allowed: end it with the placeholder.
            while cur_line:
                if (cur_line[-1].strip()
                        and cur_len + len(self.placeholder) <= width):
                    cur_line.append(self.placeholder)
                    lines.append(indent + ''.join(cur_line))
                    break
                cur_len -= len(cur_line[-1])
                del cur_line[-1]
            else:
                if lines:
                    prev_line = lines[-1].rstrip()
                    if len(prev_line) + len(self.placeholder) <= self.width:
                        lines[-1] = prev_line + self.placeholder
                        break
                lines.append(indent + self.placeholder.lstrip())
            break
        return lines

    def _split_chunks(self, text):
        text = self._munge_whitespace(text)
        return self._split(text)

    # -- public interface ------------------------------------------------

    def wrap(self, text):
        """The lines (without newlines) of text wrapped as one
        paragraph."""
        chunks = self._split_chunks(text)
        if self.fix_sentence_endings:
            self._fix_sentence_endings(chunks)
        return self._wrap_chunks(chunks)

    def fill(self, text):
        """text wrapped as one paragraph, lines joined with newlines."""
        return "\n".join(self.wrap(text))


# -- module-level shortcuts ----------------------------------------------

def wrap(text, width=70, **kwargs):
    """TextWrapper(width=width, **kwargs).wrap(text)."""
    w = TextWrapper(width=width, **kwargs)
    return w.wrap(text)


def fill(text, width=70, **kwargs):
    """TextWrapper(width=width, **kwargs).fill(text)."""
    w = TextWrapper(width=width, **kwargs)
    return w.fill(text)


def shorten(text, width, **kwargs):
    """text with its whitespace runs made single spaces, cut to one line
    of at most width characters (ending with the placeholder when words
    had to go)."""
    w = TextWrapper(width=width, max_lines=1, **kwargs)
    return w.fill(' '.join(text.strip().split()))


# -- dedent and indent ----------------------------------------------------

def dedent(text):
    """text without the leading spaces and tabs all its non-blank lines
    share (a tab and a space do not match); lines of only spaces and
    tabs become empty."""
    lines = text.split('\n')
    margin = None
    for i in range(len(lines)):
        line = lines[i]
        j = 0
        n = len(line)
        while j < n and (line[j] == ' ' or line[j] == '\t'):
            j += 1
        if j == n:
            # Blank (or only spaces and tabs): emptied, no say in the margin.
            if n:
                lines[i] = ''
            continue
        lead = line[:j]
        if margin is None:
            margin = lead
        elif not lead.startswith(margin):
            k = 0
            while k < len(margin) and k < j and margin[k] == lead[k]:
                k += 1
            margin = margin[:k]
    if margin:
        m = len(margin)
        for i in range(len(lines)):
            if lines[i].startswith(margin):
                lines[i] = lines[i][m:]
    return '\n'.join(lines)


def indent(text, prefix, predicate=None):
    """text with prefix put before each line for which predicate(line)
    is true (by default: each line that is not only whitespace)."""
    out = []
    for line in text.splitlines(True):
        if (predicate(line) if predicate is not None else line.strip()):
            out.append(prefix + line)
        else:
            out.append(line)
    return ''.join(out)
