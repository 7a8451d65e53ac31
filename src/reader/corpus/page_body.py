"""What the extractor kept of a page, tidied before it becomes an article: a first heading that
repeats the headline, the site's name after the headline, and the end matter a page puts under
its article (a heading such as "Related stories", "Other opinion columns", "Comments", and all
after it), topic and tag lines, a media player's own words, a gallery's slides, a site's calls
to action ("Sign up for our emails", "Follow X on Twitter", "Got a story?"), teasers of its
other articles ("READ MORE: …"), picture credits ("Photo: AFP") and its closing copyright line; and the
extractor's Markdown emphasis and escapes, which a reader would see as stray `**` and `\\[`. Each
rule is general page furniture, none is one site's. An encyclopedia's "See also" and references
stay: they are the article's own."""

from __future__ import annotations

import re
from itertools import accumulate

# A heading or short line that opens what follows an article, as a whole line (case ignored).
_END_MATTER = re.compile(
    r"(?:related(?: \w+){0,2}"
    r"|more (?:from|stories|on|in|news|articles|coverage|to read)(?: [\w'’.&-]+){0,4}"
    r"|other (?:stories|columns|news|articles|opinion(?: columns)?|opinions)(?: \w+){0,2}"
    r"|recommended(?: \w+){0,3}|you (?:may|might) (?:also )?(?:like|enjoy|be interested in)"
    r"|read (?:more|next|also)|most (?:popular|read|viewed|shared)(?: \w+){0,2}|trending(?: now)?"
    r"|latest (?:news|stories|articles|headlines)|comments?(?: \(\d+\))?|loading comments|join the conversation"
    r"|recent (?:posts|stories|articles|slide ?shows)|editor'?s picks|what to read next"
    r"|share this(?: story| article)?|sponsored(?: content| stories| links)?|advertisement)",
    re.IGNORECASE,
)
# Of those, the headings of boxes set between an article's paragraphs as often as under it.
_BOX = re.compile(
    r"(?:read (?:more|next|also)|most (?:popular|read|viewed|shared)(?: \w+){0,2}|trending(?: now)?"
    r"|recommended(?: \w+){0,3}|editor'?s picks|sponsored(?: content| stories| links)?|advertisement)",
    re.IGNORECASE,
)
PARAGRAPH_WORDS = 15  # a line of this many words after such a box's heading is the article again…
RESUME_WORDS = 40  # … when such lines hold this many words in all
_FURNITURE = re.compile(r"[#*_\s>-]+|[\s*_:.…]+$")
_TOPICS = re.compile(r"(?:topics|tags|filed under|categories|keywords)\s*:", re.IGNORECASE)
_WORD = re.compile(r"\w+")
# Markdown emphasis as the extractor writes it, not escaped, around text that starts and ends
# with a non-space: **bold**, *italic*.
_EMPHASIS = re.compile(
    r"(?<![\\\w*])(\*\*)(?=\S)(.+?)(?<=[^\s\\])\*\*(?![\w*])"
    r"|(?<![\\\w*])\*(?=[^\s*])([^*\n]+?)(?<=[^\s\\*])\*(?![\w*])"
)
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>~|\"'])")
_PLAYER = re.compile(
    r"This is a modal window\..*|Beginning of dialog window\..*|End of dialog window\.|Chapters|"
    r"(?:descriptions|captions|subtitles|audio track) (?:off|settings), (?:selected|opens \w+ settings dialog)|"
    r"(?:default|captions|subtitles), selected",
    re.IGNORECASE,
)
_SLIDE = re.compile(r"- (?:#+ )?\d{1,3}/\d{1,3}\s")
# A site asking the reader to do something (sign up, follow, download, send a tip) as a line of
# its own, at its start; English, and the German most common in the dev pages.
_NETWORKS = r"(?:google news|twitter|x|facebook|instagram|threads|bluesky|linkedin|tiktok|youtube|whatsapp|telegram)"
_CALL_TO_ACTION = re.compile(
    r"sign up (?:for|to)\b.{0,80}\b(?:newsletters?|e-?mails?|alerts|updates|news|deals)\b"
    r"|subscribe(?: now| today| here)?[.!]*$|subscribe to [\w.’' ]{1,40}[.!]?$"
    r"|follow (?:us|(?!(?:him|her|them|me|it|you)\b)[\w.’'-]+(?: [\w.’'-]+){0,3}) on " + _NETWORKS + r"\b"
    r"|join our commenting forum"
    r"|(?:got|have) a (?:story|news tip|tip)(?: for us)?\?"
    r"|for more (?:stories|news|articles) like this"
    r"|click here to (?:get|download|sign up|subscribe)\b"
    r"|download (?:our|the) (?:free )?(?:[\w.-]+ )?app\b"
    r"|get in touch with (?:us|our (?:news )?team)\b|get (?:the latest|our) .{0,60}\b(?:in|to) your inbox"
    r"|(?:read more|more|also read|read also|see more) ?:"  # a teaser of another article
    r"|aktuelle nachrichten aufs handy|\d+ wochen kostenlos testen",
    re.IGNORECASE,
)
CALL_WORDS = 40  # a line longer than this is the article's, whatever it starts with
# A picture's credit on a line of its own ("Photo: AFP", "Image: Jane Doe/Agency").
_CREDIT = re.compile(r"(?:photo|image|picture|photograph)s?(?: credit)? ?: ?\S(?:\S| (?=\S)){0,60}$", re.IGNORECASE)
# The site's copyright line among an article's last lines ("Copyright © 2023 The Times, LLC.").
_COPYRIGHT = re.compile(
    r"[<(]?(?:copyright\b\W*(?:©|@|\(c\))?|©|ⓒ)\s*(?:\d{4}\b|[^\n]{0,80}all rights reserved)", re.IGNORECASE
)

END_SHARE = 0.5  # end matter is cut only where at least this share of the words came before it


def tidy_body(body: str, title: str | None, outlet: str | None) -> str:
    lines = _without_title(body.split("\n"), title)
    lines = [line for line in lines if not _is_topics(line)]
    lines = [line for line in _without_end_matter(lines) if not _is_player_or_slide(line)]
    lines = [line for line in lines if not _is_call_to_action(line) and not _CREDIT.match(line.strip())]
    return as_text("\n".join(_without_copyright(lines))).strip("\n")


def as_text(body: str) -> str:
    """The extractor's Markdown as the text a reader reads: no emphasis markers (`**bold**`,
    `*italic*`) and no backslash escapes (`\\[Eloise\\]`, `1\\. Take`); the extractor's inline
    tags as text (`<u>support</u>` "support", `M<sup>me</sup>` "Mme", `x<sup>2</sup>` "x^2",
    `H<sub>2</sub>O` "H2O"); outside code blocks, no embed's markup and script pasted into a
    paragraph (`<iframe …></iframe><script>…</script>`); headings (`## `) and list items (`- `)
    stay, the article's structure."""
    parts = _FENCE.split(body)  # odd parts: code blocks, as they are but for emphasis and escapes
    parts[::2] = [_without_embeds(part) for part in parts[::2]]
    body = _INLINE_TAG.sub(_inline_tag, "".join(parts))
    return _ESCAPE.sub(r"\1", _EMPHASIS.sub(lambda m: m.group(2) or m.group(3), body))


_FENCE = re.compile(r"(^```.*?^```[^\n]*$)", re.MULTILINE | re.DOTALL)
_EMBED_OPEN = re.compile(r"<(script|iframe|style|noscript)\b[^<>]{0,2000}>", re.IGNORECASE)
_EMBED_CLOSE = {name: re.compile(rf"</{name}\s*>", re.IGNORECASE) for name in ("script", "iframe", "style", "noscript")}
_INLINE_TAG = re.compile(r"<(sup|sub|u)>([^<\n]{0,200})</\1>")


def _without_embeds(text: str) -> str:
    """Without each `<script …>…</script>` (iframe, style, noscript) in the text, in one pass:
    a text of many tags never closed is read once, not once a tag."""
    kept, at, unclosed = [], 0, set()
    for opening in _EMBED_OPEN.finditer(text):
        name = opening.group(1).lower()
        if opening.start() < at or name in unclosed:
            continue
        closing = _EMBED_CLOSE[name].search(text, opening.end())
        if closing is None:
            unclosed.add(name)  # none further on either
            continue
        kept.append(text[at : opening.start()])
        at = closing.end()
    kept.append(text[at:])
    return "".join(kept)


_EXPONENT = re.compile(r"[-+−]?(?:\d+|[a-zA-Z])")  # x², 10⁻³, Aᴴ; not an ordinal ("st") or a note ("[1]")


def _inline_tag(match: re.Match[str]) -> str:
    tag, inner = match.group(1), match.group(2)
    return "^" + inner if tag == "sup" and _EXPONENT.fullmatch(inner) else inner


def _without_copyright(lines: list[str]) -> list[str]:
    """Without a copyright line of 30 words or fewer among the last three lines with words."""
    kept = [i for i, line in enumerate(lines) if line.strip()]
    for i in kept[-3:]:
        text = lines[i].strip()
        if _COPYRIGHT.match(text) and len(words(text)) <= 30:
            return lines[:i] + lines[i + 1 :]
    return lines


def _is_call_to_action(line: str) -> bool:
    text = _FURNITURE.sub(" ", line).strip()
    return bool(_CALL_TO_ACTION.match(text)) and len(words(text)) <= CALL_WORDS


def _is_player_or_slide(line: str) -> bool:
    """A media player's own words (video.js: "This is a modal window.", "Chapters", "captions
    off, selected") or a slide of a gallery ("- ## 12/50 Caption …")."""
    text = line.strip().removeprefix("- ").strip()
    return bool(_PLAYER.fullmatch(text) or _SLIDE.match(line.strip()))


def without_site(title: str, outlet: str | None) -> str:
    """The headline without the site's name after it ("A headline | Aktuálně.cz", "Headline
    [LWN.net]", "見出し：中日新聞Web"), when that name is the page's outlet."""
    if not outlet:
        return title
    cut = list(re.finditer(r"\s+[|\-–—»·:]\s+|\s*_\s*|\s+\[|\s*[：｜]\s*", title))  # ：｜ full width
    if cut and words(title[cut[-1].end() :]) == words(outlet) and words(title[: cut[-1].start()]):
        return title[: cut[-1].start()].strip()
    return title


def words(text: str) -> list[str]:
    """The words of a text, case folded: how saved pages compare headlines, titles and lines."""
    return _WORD.findall(text.casefold())


def _without_title(lines: list[str], title: str | None) -> list[str]:
    """Without a first heading (or line) that repeats the headline, in other quotation marks
    too; a first top-level heading (the page's own headline) also when it words the headline a
    little otherwise (most of the shorter's words in the other: a site's social headline and its
    page headline), not when it says something else."""
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None or not title:
        return lines
    heading, headline = words(lines[first].lstrip("# ")), words(title)
    if heading == headline:
        return lines[first + 1 :]
    if lines[first].startswith("# ") and heading and headline:
        shared = len(set(heading) & set(headline))
        if shared >= 2 and shared >= 0.6 * min(len(set(heading)), len(set(headline))):
            return lines[first + 1 :]
    return lines


def _is_topics(line: str) -> bool:
    text = _FURNITURE.sub(" ", line).strip()
    return bool(_TOPICS.match(text)) and len(words(text)) <= 20


def _without_end_matter(lines: list[str]) -> list[str]:
    """Up to the first heading of end matter that comes after most of the article's words. A
    box's heading that sites also set between an article's paragraphs ("Most read in Football",
    "Read more") goes with the short lines under it (its links), and the article goes on."""
    counts = [len(words(line)) for line in lines]  # each line's words, counted once
    # after[i]: the words in paragraph-long lines from line i on (once, not once a box)
    after = list(accumulate((n if n >= PARAGRAPH_WORDS else 0 for n in reversed(counts)), initial=0))[::-1]
    total = sum(counts)
    seen, i, kept = 0, 0, list[str]()
    while i < len(lines):
        line = lines[i]
        heading = _FURNITURE.sub(" ", line).strip()
        short = len(words(heading)) <= 6 and (line.lstrip().startswith(("#", "**")) or len(line.strip()) < 40)
        if short and heading and _END_MATTER.fullmatch(heading) and seen >= END_SHARE * total:
            if not _BOX.fullmatch(heading):
                return kept
            i += 1
            while i < len(lines) and counts[i] < PARAGRAPH_WORDS:
                i += 1  # the box's links, up to the article's next paragraph
            if after[i] < RESUME_WORDS:  # a line or two more: the page's own end (a plea to subscribe)
                return kept
            continue
        kept.append(line)
        seen += counts[i]
        i += 1
    return kept
