"""Turn a raw article as received (copied from a news page) into clean, numbered paragraphs.

`clean()` is a pure function: raw text in; headline, blocks, every dropped line with its reason and
every uncertain decision out. Its rules are general, not one site's phrase lists:

- **Furniture families.** Lines that are page furniture on any Arabic news site (prompts to read or
  watch more, bylines, timestamps, share buttons, copyright, cookie and newsletter prompts,
  breadcrumbs, photo credits …), matched after folding (`arabic.normalise`), each with its reason.
- **Where the article is.** Each remaining line is scored by how sentence-like it is (length, final
  punctuation, the density of Arabic function words). The article body is the run of lines with the
  highest score: short lines cost a little, furniture costs more, sentences earn their length.
  Everything before it is the site's header, everything after it the page's footer.
- **The headline** is the last headline-like line before the body: a few words, no sentence ending,
  never a date, a furniture line or a paragraph.
- **Hard line breaks** (text copied from a PDF or a print view) are joined back into paragraphs
  when most long lines run on into the next without a sentence ending.
- **Inside the body**, a short unpunctuated line followed by a paragraph is kept as a subheading; a
  longer one (another story's headline) and runs of such lines (a list of related headlines) are
  dropped. Each of those decisions is listed as *uncertain* in the report, with the raw line number
  and the option (`--keep N` / `--drop N`) that reverses it: nothing becomes a heading silently.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

import yaml

from . import arabic, textfile, webpage
from .textfile import Block


def _fold(pattern: str) -> str:
    """Write a pattern for text as `arabic.normalise` leaves it (hamza seats, taa marbuta …)."""
    return pattern.translate(arabic.ALEF_VARIANTS)


def _family(pattern: str) -> re.Pattern:
    return re.compile(_fold(pattern), re.IGNORECASE)


SOCIAL = _fold(r"(?:فيسبوك|فيس بوك|فيس|تويتر|إكس|واتساب|واتس اب|واتس|تلغرام|تليغرام|تلجرام|تليجرام|"
               r"لينكد ?إن|إنستغرام|انستجرام|انستقرام|إنستقرام|يوتيوب|تيك ?توك|سناب ?شات|ماسنجر|"
               r"بينترست|البريد الإلكتروني|ايميل|نسخ الرابط|انسخ الرابط|الرابط|شارك|شاركها|مشاركة|"
               r"شارك الخبر|شارك المقال|شارك على|مشاركة عبر|عبر|طباعة|facebook|twitter|x|whatsapp|"
               r"telegram|linkedin|instagram|youtube|tiktok|snapchat|messenger|pinterest|email|"
               r"e-mail|share|print|copy link|reddit|a\+|a-|a|أرسل لصديق|ارسل لصديق|إرسال لصديق|"
               r"حفظ|أضف إلى المفضلة|المفضلة|تكبير الخط|تصغير الخط)")
MONTHS = _fold(r"يناير|فبراير|مارس|أبريل|إبريل|ابريل|مايو|يونيو|يونيه|يوليو|يوليه|أغسطس|سبتمبر|"
               r"أكتوبر|اكتوبر|نوفمبر|ديسمبر|كانون|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|تشرين|"
               r"جانفي|فيفري|أفريل|ماي|جوان|جويلية|أوت|يوليوز|غشت|شتنبر|نونبر|دجنبر|محرم|صفر|ربيع|جمادى|رجب|شعبان|رمضان|شوال|"
               r"القعدة|الحجة")
DATE_WORDS = re.compile(_fold(
    rf"(?:{MONTHS}|السبت|الأحد|الاثنين|الإثنين|الثلاثاء|الأربعاء|الخميس|الجمعة|الأول|الثاني|"
    r"الآخر|الأولى|الآخرة|ذو|ذي|هـ|ه|م|ص|مساء|صباحا|صباحاً|ظهرا|الساعة|بتوقيت|غرينتش|جرينتش|gmt|"
    r"utc|am|pm|في|نشر|نُشر|تحديث|آخر|بتاريخ|تاريخ|اليوم|الموافق|،|,|-|–|/|:|\||\.|\d+)"),
    re.IGNORECASE)
AGENCIES = _fold(r"أ ف ب|أ\.ف\.ب|ا ف ب|أف ب|رويترز|أ ب|د ب أ|الأناضول|وكالات|قنا|واس|وام|بنا|كونا|"
                 r"سانا|وفا|بترا|ومال|الأنباء|getty|جيتي|afp|reuters|ap|epa|dpa|anadolu|shutterstock")

# Lines after which nothing is the article's text: an end-of-text marker, an "about us" block.
END_MARKER, ABOUT_LABEL = "end-of-text marker", "about-the-organisation boilerplate"
RELATED_LABEL = "related-news prompt"
GALLERY = "gallery counter"
CREDIT = re.compile(_fold(rf"^\(?\s*(?:تصوير|صورة|الصورة|الصور|photo|crédit|credit|©)\s*[:：]|"
                          rf"^\(?(?:أرشيف|أرشيفية|صورة أرشيفية|{AGENCIES})\)?$"), re.IGNORECASE)
CONTENTS_LABEL, SOURCES_LABEL, SOURCE_ENTRY = "contents label", "sources label", "a listed source"
# A label and what the short lines after it are.
LIST_LABELS = {RELATED_LABEL: "headline in a related-news list",
               CONTENTS_LABEL: "entry in the article's contents", SOURCES_LABEL: SOURCE_ENTRY}
DATED = re.compile(_fold(
    rf"\b\d{{1,2}}\s*(?:{MONTHS}|janvier|février|mars|avril|mai|juin|juillet|août|septembre|"
    r"octobre|novembre|décembre)\b[^.]*\d{2,4}|\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b"), re.IGNORECASE)

# Furniture families, tried in order on each line after folding; each gives the reason shown to
# the editor (and, translated, on the About page).
FAMILIES: list[tuple[re.Pattern, str]] = [
    (_family(r"^(?:تخطي|تخطى|تجاوز|انتقل|الانتقال|اذهب) (?:إلى )?(?:المحتوى|المحتوي|المحتوى الرئيسي)"
             r"|^skip to (?:main )?content"), "skip link"),
    (_family(r"^(?:الرئيسية|home|accueil)\s*(?:[»›>/|<«‹\\-]|$)|(?:\s[»›>]\s.*){2}|^[^.؟!]{0,80}"
             r"\s[»›]\s[^.؟!]{0,80}$"), "breadcrumbs"),
    (_family(r"^(?:اقرأ|إقرأ|اقرا|طالع|شاهد|تابع|استمع|انظر|اطلع|إقرأ|read|lire|voir)\s*"
             r"(?:أيضا|أيضاً|أيضًا|ايضا|كذلك|المزيد|أكثر|also|aussi|more)?\s*(?:[:：|»]|\s[-–—]\s|$)"
             r"|^(?:اقرأ|اقرا|طالع|شاهد|تابع) (?:أيضا|أيضاً|أيضًا|ايضا|كذلك|المزيد)"),
     "related-news prompt"),
    (_family(r"^(?:أخبار|مواضيع|مقالات|موضوعات|قصص|تقارير) (?:ذات صلة|متعلقة|مشابهة|أخرى)|"
             r"^(?:إظهار|اظهار|عرض) (?:أخبار|المزيد)|^ذات صلة|^الأكثر (?:قراءة|مشاهدة|تداولا|تداولاً|شعبية|تعليقا)|"
             r"^(?:آخر|أحدث|اهم|أهم) (?:الأخبار|الأخبار العاجلة|المقالات)$|^(?:قد يهمك|يهمك أيضا|"
             r"ننصحك بقراءة|اخترنا لك|مختارات|المزيد من|المزيد|related|plus de|à lire)"),
     "related-news prompt"),
    (_family(r"^(?:صورة|الصورة|لقطة|صور) (?:من|لـ?|تظهر|توضح|تعبيرية|أرشيفية|ارشيفية|جوية|"
             r"للـ?|خلال|أثناء|تجمع).*(?<!\.)$"), "photo caption"),
    (_family(r"^عاجل\s*(?:[:：|\-–—]|$)"), "breaking-news ticker"),
    (_family(r"^(?:محتويات المقال|محتوى المقال|جدول المحتويات|المحتويات|في هذا المقال|"
             r"فهرس المقال|contents)\s*[:：]?$"), CONTENTS_LABEL),
    (_family(r"^(?:المصادر|المراجع|مصادر المقال|مراجع|sources|références)\s*[:：]?$"),
     SOURCES_LABEL),
    (_family(r"^(?:تنويه|إخلاء مسؤولية|إخلاء المسؤولية|تنبيه|ملاحظة المحرر|disclaimer)\s*[:：]|"
             r"(?:الآراء الواردة|المقالات المنشورة|الآراء المنشورة|ما ورد في المقال).{0,40}"
             r"(?:تعبر|تعبّر|يعبر) عن (?:رأي|آراء) (?:كاتبها|كتابها|الكاتب)"), "disclaimer"),
    (_family(r"^\(?(?:كتب|كتبت|كتبه|بقلم|إعداد|اعداد|أعدت|تحرير|حرره|تصوير|ترجمة|متابعة|متابعات|مراسل|"
             r"مراسلة|من مراسلنا|المحرر|محرر|by|par)\s*[:：\-–—|]"), "byline"),
    (_family(r"^\((?:إعداد|اعداد|تحرير|كتب|كتابة|تغطية|شارك في التغطية)[^()]*\)$"), "byline"),
    (_family(rf"^[-–—(\[]?\s*(?:{AGENCIES}|متابعات)\s*[-–—)\]]?\s*$"), "byline"),
    (_family(r"^(?:المصدر|مصدر|المصادر|source)\s*[:：]"), "source line"),
    (_family(r"^(?:#{3,}|[-–—(]*\s*(?:انتهى|-?end-?)\s*[-–—)]*)$"), END_MARKER),
    (_family(r"^(?:حول الموقع|عن الموقع|من نحن)\s*(?:[:：]|$)|^(?:نبذة عن|عن (?:الجامعة|الشركة|المؤسسة|الوزارة|الهيئة|المركز)$|about us|à propos)"),
     ABOUT_LABEL),
    (_family(r"(?:©|\(c\)|جميع الحقوق|كافة الحقوق|حقوق (?:النشر|الطبع) محفوظة|الحقوق محفوظة|"
             r"all rights reserved|tous droits)"), "copyright line"),
    (_family(r"(?:ملفات تعريف الارتباط|ملفات الارتباط|الكوكيز|كوكيز|cookies?\b)"), "cookie prompt"),
    (_family(r"(?:النشرة البريدية|النشرة الإخبارية|نشرتنا|اشترك في|اشترك الآن|اشتركوا|اشترك مجانا|"
             r"بريدك الإلكتروني|newsletter|subscribe|تسجيل الدخول|سجل الدخول|إنشاء حساب|حمل تطبيق|حمل التطبيق|"
             r"حمّل تطبيق|تطبيقنا|تابعونا|تابعنا على|تابعوا|تابع (?:قناتنا|صفحتنا|حسابنا|حساباتنا)|"
             r"انضم إلى (?:قناتنا|مجموعتنا)|s'abonner)"), "newsletter or app prompt"),
    (_family(r"^(?:الوسوم|وسوم|الكلمات المفتاحية|الكلمات الدالة|كلمات مفتاحية|كلمات دالة|تاغ|تاغات|"
             r"الموضوعات|tags|mots-clés)\s*(?:[:：]|$)"), "tags line"),
    (_family(r"^(?:التعليقات|تعليقات|أضف تعليق|اضف تعليق|أضف تعليقك|اترك تعليقا|اترك تعليقاً|"
             r"اكتب تعليقك|علق|تعليقات القراء|comments?|commentaires?)(?:\s*[(:：]\s*\d*\)?)?$"),
     "comments"),
    (_family(r"^\(?\d+\)?(?:\s*(?:تعليق|تعليقات|مشاهدة|مشاهدات|قراءة|قراءات|إعجاب|مشاركة|"
             r"مشاركات|views?|comments?|shares?))?$"), "comment or share count"),
    (_family(r"^(?:الصفحة|صفحة|page)\s*\d{1,4}\s*(?:من|/|of|sur)\s*\d{1,4}$"), "page number"),
    (_family(r"^(?:الصورة|صورة|photo)?\s*\d{1,3}\s*(?:من|/|of|sur)\s*\d{1,3}$|"
             r"^(?:عرض|شاهد|تصفح) (?:جميع|كل|باقي|بقية)? ?الصور|^(?:ألبوم|معرض) الصور$"),
     GALLERY),
    (_family(r"^(?:نشر|نشرت|تم النشر|آخر تحديث|حدث|published)?\s*(?:منذ|قبل)\s+\S+(?:\s+\S+)?\s*"
             r"(?:ثانية|ثوان|ثواني|دقيقة|دقائق|ساعة|ساعات|يوم|أيام|أسبوع|أسابيع|شهر|أشهر|سنة|"
             r"سنوات)$"), "relative timestamp (gives no date)"),
    (_family(r"^منذ\s+\S+(?:\s+\S+)?\s*(?:ثانية|ثوان|ثواني|دقيقة|دقائق|ساعة|ساعات|يوم|أيام|أسبوع|"
             r"أسابيع|شهر|أشهر|سنة|سنوات|عام|أعوام)$|^منذ (?:ساعة|يوم|أسبوع|شهر|سنة|دقيقة)$"),
     "relative timestamp (gives no date)"),
    (_family(r"(?:دقيقة|دقائق|دقيقتان|دقيقتين|min) (?:للقراءة|قراءة|de lecture)|وقت القراءة|"
             r"زمن القراءة|مدة القراءة|reading time"), "reading time"),
    (_family(r"^(?:إعلان|اعلان|إعلانات|مساحة إعلانية|محتوى مدفوع|محتوى ممول|برعاية|"
             r"advertisement|ad|ads|publicité|sponsored)$"), "advertisement"),
    (_family(r"^(?:[«»‹›<>|\s]|السابق|التالي|الأولى|الأخيرة|الصفحة|صفحة|next|prev|previous|"
             r"suivant|précédent|\d{1,3})+$"), "pagination"),
    (_family(r"(?:اضغط هنا|انقر هنا|إضغط هنا|click here|cliquez ici)\W*$"), "call to action"),
    (_family(r"^(?:حجم الخط|تكبير الخط|تصغير الخط|تغيير حجم الخط|font size)\s*[:：]?"), "page button"),
    (_family(r"^(?:للأعلى|العودة (?:إلى|الى|ل)(?:ل)?أعلى(?: الصفحة)?|زر الذهاب إلى الأعلى|"
             r"الذهاب (?:إلى|الى) الأعلى|أعلى الصفحة|back to top|طباعة|print|تكبير الخط|تصغير الخط|"
             r"حجم الخط|a\+?\s*a-?|القائمة|menu|بحث|search|الخبر السابق|الخبر التالي|المقال السابق|"
             r"المقال التالي|السابق|التالي)$"), "page button"),
    (_family(r"^(?:استطلاع|استطلاع رأي|استطلاع الرأي|استفتاء|شارك في الاستطلاع|تصويت|صوت|صوّت|"
             r"نتيجة التصويت|نتائج التصويت|poll|vote)$"), "poll widget"),
    (_family(r"^(?:الإشراف العام|رئيس التحرير|مدير التحرير|نائب رئيس التحرير|رئيس مجلس الإدارة|"
             r"المدير العام|المدير التنفيذي|رئيس التحرير التنفيذي)$"), "masthead label"),
    (_family(r"(?:^\(?|\s)(?:صورة|الصورة|صور|تصوير|photo|crédit)\s*(?:أرشيفية|ارشيفية|من الأرشيف)?\s*"
             r"[:：]|^\(?(?:صورة|الصورة) (?:أرشيفية|ارشيفية|تعبيرية|من الأرشيف)\)?"), "photo caption"),
    (_family(rf"\s?\((?:{AGENCIES}|أرشيفية|ارشيفية|أرشيف|تعبيرية|إنترنت|الإنترنت|مواقع التواصل)"
             r"[^()]{0,20}\)$|\s[-–—]\s?(?:" + AGENCIES + r"|جيتي|أرشيفية)$|[-–—]\s?(?:جيتي|getty|"
             r"رويترز|afp)$"), "photo caption"),
]
LONG_LINE_FAMILIES = [(p, r) for p, r in FAMILIES if r in ("cookie prompt", "copyright line")]
STOP_WORDS = frozenset(_fold(
    "في من على إلى الى عن أن إن أنه أنها إنه إنها التي الذي الذين اللذين اللتين ما لا لم لن مع كان "
    "كانت يكون تكون قد هذا هذه ذلك تلك هؤلاء بين بعد قبل حيث كما أو أم ثم عند منذ حتى خلال وفق وفقا "
    "قال قالت أضاف أضافت أكد أكدت أوضح أوضحت أشار أشارت إذ إذا لكن بل غير هو هي هم هن نحن كل أي "
    "عندما بينما لدى لها له لهم به بها فيه فيها منه منها عليه عليها إليه إليها عنه عنها يمكن سوف").split())
# Reporting verbs: a line opening with "and he said …" continues running text.
REPORTING = frozenset(_fold(
    "قال قالت يقول تقول أضاف أضافت يضيف تابع تابعت أكد أكدت يؤكد أوضح أوضحت أشار أشارت لفت لفتت "
    "شدد شددت اعتبر اعتبرت ذكر ذكرت كشف كشفت أعلن أعلنت بين بينت نقل نقلت رأى يرى ترى أفاد أفادت "
    "جاء جاءت كان كانت يأتي تأتي").split())
# Words that open a sentence continuing the one before ("as well", "then", "but" …).
CONNECTIVES = frozenset(_fold("كما ثم لكن لكنه لكنها بينما كذلك إلا إذ حيث بدوره بدورها").split())
PRONOUNS = frozenset(_fold("هو هي هم هن هما نحن أنا أنت").split())
# Words that start with و + an imperfect-verb letter but are nouns (وتر، ونش are rare in news).
NOT_VERBS = frozenset(_fold("وتيرة ويلات").split())
TERMINAL = (".", "!", "…", "؛")
QUOTES = "\"”»)'’"


def ends_sentence(text: str) -> bool:
    """Does the line end a sentence: a full stop (inside closing quotes too), or is it a whole
    quotation? A headline ending on a quoted name («… "سفراء الحرف"») does not."""
    core = text.rstrip(QUOTES + " ")
    return core.endswith(TERMINAL) or text[:1] in "«\"“" and text[-1:] in "»\"”" \
        and len(text.split()) >= 4
QUESTION = ("؟", "?")
BULLET = re.compile(r"^(?:[•●▪◦·∙‣○■□\-–—*]|\d{1,2}[.)-]|[٠-٩]{1,2}[.)-])\s*")
HEADING_MAX_WORDS = 10
NUMBERED = re.compile(r"^[0-9٠-٩]{1,3}\b")
LABELLED = re.compile(r"^[^:：.،]{2,30}[:：]\s*\S")  # "حراسة المرمى: …"
HEADLINE_WORDS = (3, 35)


@dataclass
class Removed:
    """A raw line the importer dropped, with the reason shown to the editor."""

    line: int
    text: str
    reason: str


@dataclass
class Uncertain:
    """A decision the editor should check: what was done with a raw line and how to reverse it."""

    line: int
    text: str
    decision: str   # "kept as a subheading", "dropped" …
    why: str
    option: str     # the import option that reverses the decision, e.g. "--drop 14"


@dataclass
class Cleaned:
    """What `clean()` makes of a raw article."""

    title: str
    blocks: list[Block]
    removed: list[Removed] = field(default_factory=list)
    uncertain: list[Uncertain] = field(default_factory=list)
    byline: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # conversions, metadata and backups
    title_line: int | None = None
    joined: dict[int, list[int]] = field(default_factory=dict)  # first raw line → lines joined

    def report(self) -> str:
        """Explain, line by line, what was dropped and what the editor should check."""
        where = f" (raw line {self.title_line})" if self.title_line else ""
        lines = [f"headline{where}: {self.title or '(none found: write title.ar in article.yml)'}",
                 (f"kept: {sum(b.kind != 'heading' for b in self.blocks)} paragraphs, "
                  f"{sum(b.kind == 'heading' for b in self.blocks)} subheadings"),
                 f"removed: {len(self.removed)} lines"]
        lines += [f"  raw line {r.line}: {r.reason}: {r.text}" for r in self.removed]
        if self.uncertain:
            lines.append(f"to check: {len(self.uncertain)} lines (re-run the import with the "
                         "option shown to reverse a decision)")
            lines += [f"  raw line {u.line}: {u.decision} ({u.why}) — if wrong: {u.option}: "
                      f"{u.text}" for u in self.uncertain]
        if self.joined:
            lines.append("hard line breaks inside paragraphs were joined: " + ", ".join(
                f"raw lines {first}–{rest[-1]}" for first, rest in self.joined.items()))
        if self.byline:
            lines.append("byline/outlet lines (check article.yml): " + " | ".join(self.byline))
        lines += [f"note: {note}" for note in self.notes]
        return "\n".join(lines)


def tidy(line: str) -> str:
    """Remove tatweel, invisible characters and doubled spaces from one line."""
    line = arabic.strip_tatweel(line)
    line = line.replace("\u00a0", " ").replace("\u200b", "").replace("\ufeff", "")
    line = arabic.BIDI_CONTROLS.sub("", line)
    return re.sub(r"\s+", " ", line).strip()


def words(line: str) -> int:
    """Count the words of a line, ignoring lone punctuation."""
    return sum(1 for w in line.split() if _WORDISH.search(w))


_WORDISH = re.compile(r"\w")


def furniture_reason(text: str) -> str | None:
    """The furniture family a line belongs to, whatever site it comes from; None for text."""
    folded = arabic.normalise(text).strip(" :：-–—|•·")
    if not folded:
        return "punctuation only"
    count = words(folded)
    families = FAMILIES if count <= 30 else LONG_LINE_FAMILIES  # a paragraph: only two apply
    for pattern, reason in families:
        if pattern.search(folded):
            if reason in ("byline", "source line", "newsletter or app prompt") and count > 14:
                continue
            if reason == "photo caption" and (count > 25 or folded.rstrip(")").endswith(".")):
                continue
            return reason
    segments = [p for p in re.split(r"\s*[|•·]\s*|\s+/\s+", folded) if p.strip()]
    if len(segments) >= 2 and all(words(p) <= (3 if len(segments) > 2 else 2) for p in segments):
        return "menu or section line"
    tokens = [t for t in re.split(r"[\s|/·•,،]+", folded) if t]
    if tokens and re.fullmatch(rf"(?:{SOCIAL}|\s)+", " ".join(tokens), re.IGNORECASE):
        return "share buttons"
    if count <= 12 and re.search(r"\d", folded) and not DATE_WORDS.sub("", folded).strip(" ()"):
        return "date or time line"
    if count <= 10 and DATED.search(folded) and not text.endswith((".", "؟", "?", "!")):
        return "date or time line"
    if count <= 14 and re.search(r"\d", folded) and re.search(_fold(r"(?:آخر تحديث|تاريخ النشر|تاريخ التحديث|نشر في|نشر بتاريخ|"
                                       r"تم النشر|تم التحديث|محدث|updated|published|publié)"), folded):
        return "date or time line"
    if not re.search(r"[\u0621-\u064a]", folded) and re.search(r"[A-Za-zÀ-ÿ]", folded):
        return "no Arabic text (a menu or label in another language)"
    return None


def sentence_like(text: str) -> bool:
    """Does this line read as a sentence of running text (not a label, headline or menu item)?"""
    count = words(text)
    if count >= 3 and ends_sentence(text) or count >= 20:
        return True
    if count < 5:
        return False
    if continues(text):
        return True
    # Headlines hold function words too: density decides only for lines longer than most.
    return count >= 13 and _function_share(text) >= 0.25


def _tokens(text: str) -> list[str]:
    return [t for t in (w.strip("،,.:؛«»\"()") for w in arabic.normalise(text).split()) if t]


def _function_share(text: str) -> float:
    tokens = _tokens(text)
    function = sum(t in STOP_WORDS or (t[:1] in "وف" and t[1:] in STOP_WORDS) for t in tokens)
    return function / max(len(tokens), 1)


def continues(text: str) -> bool:
    """Does the line open with "and …" — a conjunction on a verb, particle or pronoun? Running
    text does; headlines, labels and menus do not (و on a noun like وزير does not count)."""
    tokens = _tokens(text)
    if len(tokens) < 3:
        return False
    first = tokens[0]
    rest = first[1:]
    if first in CONNECTIVES:
        return True
    return first[:1] in ("و", "ف") and (rest in STOP_WORDS or rest in REPORTING
                                         or rest[:2] == "ال" or rest in PRONOUNS
                                         or len(rest) >= 3 and rest[:1] in "يتن" and
                                         first not in NOT_VERBS)


def paragraph_like(line: _Line) -> bool:
    """Inside the article's body a line needs less to count as running text: a sentence, an
    "and …" opening, or a long enough line dense with function words."""
    text = line.text
    opener = "،" in " ".join(text.split()[:3]) and line.words >= 6  # «في المقابل، …»
    return line.sentence or continues(text) or opener \
        or line.words >= 7 and _function_share(text) >= 0.3 \
        or line.words >= 12 and "،" in text \
        or re.search(r"[.!؟?]\s+\S", text) is not None  # two sentences on one line


@dataclass
class _Line:
    number: int       # raw line number, 1-based
    text: str
    words: int
    furniture: str | None
    sentence: bool
    gap_before: bool = False  # a blank line stands before it
    joined: list[int] = field(default_factory=list)  # raw lines joined onto it (hard wraps)


def clean(raw: str, *, keep: frozenset[int] = frozenset(), drop: frozenset[int] = frozenset(),
          title_hint: str | None = None) -> Cleaned:
    """Clean a raw article: drop furniture, find the headline, subheadings, list items; number.

    `keep` and `drop` are raw line numbers whose decision the editor reverses (see `Uncertain`);
    `title_hint` is the headline a saved page's metadata states, preferred when a line matches it.
    """
    lines, removed, seen, gap = [], [], set(), False
    for number, raw_line in enumerate(raw.splitlines(), start=1):
        text = tidy(raw_line)
        if not text:
            gap = True
            continue
        reason = furniture_reason(text)
        if reason is None and text in seen and number not in keep:
            reason = "repeated line"
        seen.add(text)
        lines.append(_Line(number, text, words(text), reason, sentence_like(text), gap))
        gap = False
    lines = _unwrap(lines)
    _after_labels(lines)
    for line in lines:
        if line.number in drop:
            line.furniture = "dropped by the editor (--drop)"
        elif line.number in keep:
            line.furniture = None

    start, end = _body(lines)
    title_at = _headline(lines, start, title_hint)
    cleaned = Cleaned(title="", blocks=[])
    if title_at is not None:
        cleaned.title, cleaned.title_line = lines[title_at].text, lines[title_at].number
        headline = _bare_headline(cleaned.title)
        for line in lines:  # the headline again on a continuation page: «… (2)»
            if line is not lines[title_at] and line.furniture is None \
                    and _bare_headline(line.text) == headline:
                line.furniture = "the headline repeated"
        if title_at >= start:  # the headline opened the body (no header before it)
            start = title_at + 1
    decisions = _decide(lines, start, end, title_at, keep, cleaned)
    counts = {"p": 0, "h": 0}
    for line, kind in decisions:
        if kind in ("para", "item", "heading"):
            prefix = "h" if kind == "heading" else "p"
            counts[prefix] += 1
            text = BULLET.sub("", line.text, count=1).strip() if kind == "item" else line.text
            text = text.rstrip(":：").strip() if kind == "heading" else text
            cleaned.blocks.append(Block(f"{prefix}{counts[prefix]}", kind, text, line.number))
            if line.joined:
                cleaned.joined[line.number] = line.joined
        elif kind is not None:
            removed.append(Removed(line.number, line.text, kind))
    cleaned.removed = removed
    return cleaned


def _unwrap(lines: list[_Line]) -> list[_Line]:
    """Join the lines of paragraphs that were copied with hard line breaks (from a PDF, an
    e-mail, a print view). Only when the page shows it: most long lines run on into the next
    line with no sentence ending. A line joins the one before when that one fills the usual
    width and ends mid-sentence; furniture in between (a page footer) is stepped over."""
    long = [line for line in lines if line.furniture is None and line.words >= 6]
    long_ids = {id(line) for line in long}
    runs_on = [a for a, b in pairwise(lines) if id(a) in long_ids and b.furniture is None
               and not b.gap_before and not ends_sentence(a.text)
               and not a.text.endswith((":", "：") + QUESTION)]
    if len(long) < 6 or len(runs_on) < len(long) / 2:
        return lines
    width = sorted(len(line.text) for line in long)[len(long) // 2]
    groups: list[list[_Line]] = []  # candidate paragraphs: physical lines that run on
    for line in lines:
        last = groups[-1][-1] if groups else None
        if line.furniture is None and last is not None and not line.gap_before \
                and len(last.text) >= 0.75 * width and not ends_sentence(last.text) \
                and not last.text.endswith((":", "：") + QUESTION) \
                and not BULLET.match(line.text):
            groups[-1].append(line)
        elif line.furniture is None:
            groups.append([line])
    joined: dict[int, list[_Line]] = {}
    for group in groups:  # a paragraph ends with a sentence; a headline and its deck do not
        if len(group) > 1 and (ends_sentence(group[-1].text)
                               or group[-1].text.endswith((":", "："))):
            joined[id(group[0])] = group[1:]
    merged = {id(line) for rest in joined.values() for line in rest}
    out = []
    for line in lines:
        if id(line) in merged:
            continue
        for other in joined.get(id(line), ()):
            line.text = f"{line.text} {other.text}"
            line.joined.append(other.number)
        if line.joined:
            line.words, line.sentence = words(line.text), sentence_like(line.text)
        out.append(line)
    return out


def _after_labels(lines: list[_Line]) -> None:
    """Short lines right after a "related news" label are other stories' headlines; a short line
    that repeats words of a longer line (a pull quote, a teaser) is not text of its own."""
    label, taken = None, 0
    for line in lines:
        if line.furniture in LIST_LABELS and line.words <= 4:
            label, taken = LIST_LABELS[line.furniture], 0
        elif label == SOURCE_ENTRY and line.furniture is None and (
                NUMBERED.match(line.text) or BULLET.match(line.text) or not line.sentence):
            line.furniture, taken = label, taken + 1  # a sources list: numbered references
        elif line.sentence or line.furniture or taken and line.gap_before:
            label = None
        elif label:
            line.furniture, taken = label, taken + 1
    for before, line in pairwise(lines):  # a photo's caption stands just above its credit
        if CREDIT.search(arabic.normalise(line.text)) and before.furniture is None \
                and before.words <= 20 and not ends_sentence(before.text):
            before.furniture = "photo caption"
    texts = [(other, arabic.normalise(other.text)) for other in lines if other.sentence]
    for line in lines:
        bare = arabic.normalise(line.text).strip("«»\"“”'()-–— .،")
        if line.furniture is None and line.words <= 12 and words(bare) >= 4 \
                and any(other is not line and bare in text and other.words > line.words
                        for other, text in texts):
            line.furniture = "repeats the text (a pull quote or teaser)"


def _bare_headline(text: str) -> str:
    return re.sub(r"\s*(?:[(\[]\s*\d+\s*[)\]]|[-–—|]\s*(?:تابع|تتمة|\d+))\s*$", "",
                  arabic.normalise(text)).strip()


def _weight(line: _Line) -> int:
    if line.furniture in HARD_CLOSERS:
        return -1000
    if line.furniture:  # dropped anyway; a little cost so header and footer runs stay apart
        return -1
    if line.sentence:
        return min(line.words, 40)
    return -3


def _body(lines: list[_Line]) -> tuple[int, int]:
    """The run of lines [start, end] that reads most like running text (maximum-sum run)."""
    best, best_span, total, run_start = 0, (0, -1), 0, 0
    for i, line in enumerate(lines):
        if total <= 0:
            total, run_start = 0, i
        total += _weight(line)
        if total > best:
            best, best_span = total, (run_start, i)
    return best_span[0], _resume(lines, best_span[1])


# Furniture that closes an article: the text never resumes after these.
CLOSERS = {"copyright line", "tags line", "comments", "related-news prompt", END_MARKER,
           ABOUT_LABEL, "share buttons", "disclaimer", SOURCES_LABEL}
# ... and these so surely that the article's best run never crosses them.
HARD_CLOSERS = {END_MARKER, ABOUT_LABEL, "comments", "copyright line", "disclaimer",
                SOURCES_LABEL}
RESUME_GAP = 8


def _resume(lines: list[_Line], end: int) -> int:
    """Text resumes after an embedded widget (a poll, an ad, a gallery): a full sentence a few
    lines after the best run still belongs to it, unless closing furniture stands between."""
    i = end + 1
    while i < len(lines) and i - end <= RESUME_GAP:
        line = lines[i]
        if line.furniture in CLOSERS:
            break
        if line.furniture is None and line.sentence and line.words >= 8 \
                and ends_sentence(line.text):
            end = i
        i += 1
    return end


def _headline_like(line: _Line) -> bool:
    low, high = HEADLINE_WORDS
    return (line.furniture is None and low <= line.words <= high
            and not (line.text.endswith(".") and line.words > 12))


def _headline(lines: list[_Line], start: int, hint: str | None) -> int | None:
    """Index of the headline: the page's stated title if a line carries it, else the last
    headline-like line before the body (four words or more preferred), else the body's first
    line when it has no sentence ending."""
    if hint:
        wanted = arabic.normalise(tidy(hint))
        for i, line in enumerate(lines[: max(start, 1) + 2]):
            if arabic.normalise(line.text) == wanted or (
                    line.words >= 3 and arabic.normalise(line.text) in wanted):
                return i
    before = [i for i in range(start) if _headline_like(lines[i])]
    longer = [i for i in before if lines[i].words >= 4] or before
    if longer:
        # A headline is often followed at once by its deck (a summary line, often longer) and a
        # byline: of up to three headline-like lines in a row, the first is the headline.
        first = longer[-1]
        while first - 1 in longer and longer[-1] - (first - 1) < 3:
            first -= 1
        return first
    if start < len(lines) and _headline_like(lines[start]) \
            and not ends_sentence(lines[start].text) and lines[start].words <= 30:
        return start
    return None


def _decide(lines: list[_Line], start: int, end: int, title_at: int | None,
            keep: frozenset[int], cleaned: Cleaned) -> list[tuple[_Line, str | None]]:
    """Each line's fate: a block kind ("para", "item", "heading") or the reason it was dropped."""
    out: list[tuple[_Line, str | None]] = []
    body = [i for i in range(start, end + 1) if lines[i].furniture is None]
    for i, line in enumerate(lines):
        if i == title_at:
            out.append((line, None))
        elif line.furniture:
            out.append((line, line.furniture))
        elif start <= i <= end:
            out.append((line, _inside(lines, body, i, keep, cleaned)))
        elif line.number in keep:
            out.append((line, "heading" if _short(line) else "para"))
        elif i < start and title_at is not None and i > title_at:
            if line.words <= 3:
                cleaned.byline.append(line.text)
                out.append((line, "byline or outlet line"))
            else:
                cleaned.uncertain.append(Uncertain(
                    line.number, line.text, "dropped", "between the headline and the text: a "
                    "caption or a teaser?", f"--keep {line.number}"))
                out.append((line, "between the headline and the text"))
        elif i < start:
            out.append((line, "site header (before the headline)"))
        else:
            out.append((line, "page footer (after the article)"))
    return out


def _short(line: _Line) -> bool:
    return line.words <= HEADING_MAX_WORDS


def _inside(lines: list[_Line], body: list[int], i: int, keep: frozenset[int],
            cleaned: Cleaned) -> str:
    """The kind of a body line that is not furniture."""
    line = lines[i]
    at = body.index(i)
    before = lines[body[at - 1]] if at > 0 else None
    after = lines[body[at + 1]] if at + 1 < len(body) else None
    if BULLET.match(line.text) and len(line.text) > BULLET.match(line.text).end():
        return "item"
    if line.text.endswith((":", "：")) and after and BULLET.match(after.text):
        return "para"
    if before and before.text.endswith((":", "：")) and not line.sentence and _short(line) \
            and before.sentence:
        return "item"  # a list without bullets after its lead-in line
    if paragraph_like(line) and not (line.text.endswith(QUESTION) and _short(line)) \
            or line.text.endswith("."):
        return "para"
    if line.number in keep:
        return "heading" if _short(line) else "para"
    numbered = [other is not None and (NUMBERED.match(other.text) or LABELLED.match(other.text))
                is not None for other in (before, line, after)]
    if numbered[1] and (numbered[0] or numbered[2]):
        return "item"  # a list without bullets: times, scores, steps, "label: value" rows
    if numbered[2] and not numbered[1] and _short(line):
        cleaned.uncertain.append(Uncertain(line.number, line.text, "kept as a subheading",
                                           "a short line before a numbered list",
                                           f"--drop {line.number}"))
        return "heading"
    def loose(other: _Line | None) -> bool:  # a short line that is not text or a list item
        lead_in = other is not None and other.text.endswith((":", "：")) and other.words >= 5
        return other is not None and not paragraph_like(other) and not lead_in \
            and not BULLET.match(other.text)

    # A subheading is followed by its paragraph; short lines in a row are a list of links, a
    # menu or a poll (a question followed by its answers).
    in_run = loose(after) or loose(before) and not before.text.endswith((":", "：") + QUESTION)
    if in_run:
        cleaned.uncertain.append(Uncertain(line.number, line.text, "dropped", "one of several "
                                           "short lines in a row: a list of other stories?",
                                           f"--keep {line.number}"))
        return "list of other stories' headlines"
    if _short(line) or line.text.endswith(QUESTION):
        cleaned.uncertain.append(Uncertain(line.number, line.text, "kept as a subheading",
                                           "short line without a sentence ending",
                                           f"--drop {line.number}"))
        return "heading"
    cleaned.uncertain.append(Uncertain(line.number, line.text, "dropped", "a headline-like line "
                                       "between paragraphs: another story's headline?",
                                       f"--keep {line.number}"))
    return "headline of another story (no sentence ending)"


class ImportRefused(ValueError):
    """Raised by `import_article` for a file it will not import; the message names the file."""


def read_raw(raw_path: Path, *, require_arabic: bool = True) -> tuple[str, str | None]:
    """The raw article's text, and a note when it was not UTF-8 (converted, so the editor knows).

    Refuses a folder, an empty or binary file, and text with no Arabic in it, naming the file.
    """
    if raw_path.is_dir():
        raise ImportRefused(f"{raw_path}: is a folder; give the saved article's file")
    try:
        data = raw_path.read_bytes()
    except OSError as error:
        raise ImportRefused(f"{raw_path}: cannot be read ({error.strerror or error})") from None
    if not data.strip():
        raise ImportRefused(f"{raw_path}: the file is empty")
    note = None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text, note = data.decode("utf-16"), "UTF-16"
    elif data.startswith(b"\xef\xbb\xbf"):
        text, note = data[3:].decode("utf-8"), "UTF-8 with a byte-order mark"
    elif b"\x00" in data:
        raise ImportRefused(f"{raw_path}: this is not a text file (it holds NUL bytes)")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            try:
                text, note = data.decode("cp1256"), "Windows-1256 (Arabic)"
            except UnicodeDecodeError:
                raise ImportRefused(f"{raw_path}: not UTF-8, UTF-16 or Windows-1256 text; "
                                    "save it as UTF-8") from None
    if require_arabic and len(re.findall(r"[\u0621-\u064a]", text)) < 20:
        raise ImportRefused(f"{raw_path}: there is no Arabic text to import")
    return text, note


def read_source(source: str | Path):
    """Read a text file, a saved page or an address. Returns the text the cleaner reads, the
    facts the page states (None for text), an encoding note, the file name to record as
    `source_file`, and the file as read."""
    if isinstance(source, str) and re.match(r"https?://", source):
        try:
            html = webpage.fetch(source)
        except webpage.PageRefused as error:
            raise ImportRefused(f"{source}: {error}") from None
        name = re.sub(r"[^\w.-]+", "-", source.split("://", 1)[1]).strip("-")[:80] + ".html"
        text, note = html, None
    else:
        path = Path(source)
        text, note = read_raw(path, require_arabic=False)
        name = path.name
    facts = None
    if webpage.looks_like_html(text):
        try:
            facts = webpage.read_page(text)
        except webpage.PageRefused as error:
            raise ImportRefused(f"{source}: {error}; is this the article's page?") from None
        raw = facts.text
    else:
        raw = text
    if len(re.findall(r"[\u0621-\u064a]", raw)) < 20:
        raise ImportRefused(f"{source}: there is no Arabic text to import")
    return raw, facts, note, name, text


def import_article(raw_path: Path | str, slug: str, content_dir: Path, *, force: bool = False,
                   level: str = "intermediate", keep: frozenset[int] = frozenset(),
                   drop: frozenset[int] = frozenset()) -> Cleaned:
    """Clean a raw article, a saved page or an address into `<content>/articles/<slug>/`.

    Writes source.txt (what the cleaner read, so report line numbers point into it), ar.md,
    article.yml (only what the source states; unknowns null) and, for a page, source.html as
    saved. Nothing is written when the file is refused. With `force`, the article's files are
    first copied to `<content>/.backups/<slug>-<n>/`, and the report lists every translation,
    citation and reference that points at a paragraph whose text changed.
    """
    if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slug):
        raise ImportRefused(f"slug '{slug}' must be lowercase words joined by hyphens")
    raw, facts, note, name, original = read_source(raw_path)
    cleaned = clean(raw, keep=keep, drop=drop, title_hint=facts.title if facts else None)
    if not cleaned.blocks:
        raise ImportRefused(f"{raw_path}: nothing is left after removing page furniture; "
                            "is this the article's page?")
    if note:
        cleaned.notes.append(f"{name} was {note}; source.txt keeps it as UTF-8")
    page = facts or webpage.PageFacts(text=raw)
    date_line = _from_lines(cleaned, page)
    cleaned.notes += [f"found {fact}" for fact in page.found]
    target = content_dir / "articles" / slug
    if target.exists() and not force:
        raise FileExistsError(f"{target} exists; pass --force to replace its source and text "
                              "(the old files are kept in a backup)")
    old_blocks = None
    if target.exists():
        n = 1
        while (content_dir / ".backups" / f"{slug}-{n}").exists():
            n += 1
        backup = content_dir / ".backups" / f"{slug}-{n}"
        shutil.copytree(target, backup)
        cleaned.notes.append(f"the previous files are in {backup}")
        if (target / "ar.md").is_file():
            old_blocks, _ = textfile.parse((target / "ar.md").read_text("utf-8", "replace"))
    target.mkdir(parents=True, exist_ok=True)
    (target / "source.txt").write_text(raw, encoding="utf-8")
    if facts:
        (target / "source.html").write_text(original, encoding="utf-8")
    (target / "ar.md").write_text(textfile.dump(cleaned.blocks), encoding="utf-8")
    meta_path = target / "article.yml"
    if not meta_path.exists():
        meta_path.write_text(_metadata(cleaned, page, date_line, name, level), encoding="utf-8")
    if old_blocks is not None:
        from .editor import references_to_changed

        cleaned.notes += references_to_changed(content_dir, slug, old_blocks, cleaned.blocks)
    return cleaned


BASIS = {"ar": "بيانات الصفحة نفسها ({})", "en": "the page's own metadata ({})"}


def _from_lines(cleaned: Cleaned, facts: webpage.PageFacts) -> str | None:
    """Author and date from the byline and date lines above the text, when the page's metadata
    did not state them. Returns the date line used (it is quoted as the date's basis)."""
    first = min((b.line for b in cleaned.blocks), default=0)
    above = [r for r in cleaned.removed if r.line < first]
    pieces = [p.strip() for text in facts.near_headline for p in re.split(r"\s[|•·]\s", text)]
    above += [Removed(0, text, furniture_reason(text) or "") for text in pieces if text]
    if not facts.author:
        for r in above:
            name = re.split(r"\s[-–—|]\s?|\s?[-–—|]\s", webpage.BYLINE.sub("", r.text))[0]
            name = name.strip(" .،-–—")
            if r.reason == "byline" and name != r.text and 1 <= words(name) <= 5 \
                    and webpage.ARABIC.search(name):
                facts.author = name
                facts.found.append(f"author «{name}» (the byline: {r.text})")
                break
    if facts.date:
        return None
    # The article's own date line stands under its headline; a date above it is the site's
    # "today"; an update time is not the publication date.
    title_line = cleaned.title_line or 0
    for r in sorted(above, key=lambda r: (0 < r.line < title_line, "تحديث" in r.text
                                          or "update" in r.text.lower())):
        date = webpage.stated_date(r.text) if r.reason == "date or time line" else None
        if date:
            facts.date = date
            facts.found.append(f"date {date} (the date line: {r.text})")
            return r.text
    return None


def _metadata(cleaned: Cleaned, facts: webpage.PageFacts, date_line: str | None, name: str,
              level: str) -> str:
    """article.yml as the source states it: unknowns are null, never guessed (content/README.md)."""
    meta: dict = {"title": {"ar": cleaned.title or None, "en": None}, "source_file": name,
                  "outlet": None, "date": None, "level": level}
    if facts.outlet:
        latin = not webpage.ARABIC.search(facts.outlet)
        meta["outlet"] = {"ar": facts.outlet, "en": facts.outlet if latin else None,
                          "basis": {"ar": BASIS["ar"].format(
                                        "عنوان الصفحة" if facts.outlet_from == "title"
                                        else "اسم الموقع"),
                                    "en": BASIS["en"].format(facts.outlet_from)}}
    if facts.date:
        basis = ({"ar": f"سطر التاريخ في الصفحة: «{date_line}»",
                  "en": f"the page's date line: «{date_line}»"} if date_line else
                 {"ar": BASIS["ar"].format("تاريخ النشر"),
                  "en": BASIS["en"].format("publication date")})
        meta["date"] = {"value": facts.date, "exact": True, "basis": basis}
    if facts.author:
        meta["author"] = {"ar": facts.author}
    return yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
