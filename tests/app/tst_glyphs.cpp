// SPDX-License-Identifier: GPL-3.0-or-later
// Every character a user can see is in the font SynScope bundles (DejaVu Sans): a glyph the font
// lacks is drawn as an empty box on a machine without a fallback font, as "accept() ⏳ blocks" was.
// The strings are read from the sources themselves: every string literal in app/, model/ and views/
// (comments left out) and every string in the built-in scenarios.

#include "testmain.h"

#include <QDirIterator>
#include <QFile>
#include <QFontDatabase>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRawFont>
#include <QTest>
#include <map>
#include <set>

using namespace Qt::StringLiterals;

namespace {

// Where each non-ASCII character was found first ("views/panels/callpanel.cpp:565").
using Found = std::map<char32_t, QString>;

void note(Found &found, const QString &text, const QString &where)
{
    for (const char32_t c : text.toUcs4()) {
        if (c >= 0x80) found.try_emplace(c, where);
    }
}

// The string literals of a C++ source: "…" and R"(…)", outside comments and character literals.
void scanCpp(const QString &path, const QString &name, Found &found)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString s = QString::fromUtf8(f.readAll());
    int line = 1;
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s[i];
        if (c == u'\n') {
            ++line;
        } else if (c == u'/' && i + 1 < s.size() && s[i + 1] == u'/') {
            while (i < s.size() && s[i] != u'\n')
                ++i;
            --i;
        } else if (c == u'/' && i + 1 < s.size() && s[i + 1] == u'*') {
            const qsizetype end = s.indexOf(u"*/"_s, i + 2);
            line += int(s.mid(i, (end < 0 ? s.size() : end) - i).count(u'\n'));
            i = end < 0 ? s.size() : end + 1;
        } else if (c == u'R' && s.mid(i, 3) == u"R\"("_s) {
            const qsizetype end = s.indexOf(u")\""_s, i + 3);
            const QString text = s.mid(i + 3, (end < 0 ? s.size() : end) - i - 3);
            note(found, text, u"%1:%2"_s.arg(name).arg(line));
            line += int(text.count(u'\n'));
            i = end < 0 ? s.size() : end + 1;
        } else if (c == u'"' || c == u'\'') {
            QString text;
            qsizetype j = i + 1;
            for (; j < s.size() && s[j] != c && s[j] != u'\n'; ++j) {
                if (s[j] == u'\\')
                    ++j;
                else
                    text += s[j];
            }
            if (c == u'"') note(found, text, u"%1:%2"_s.arg(name).arg(line));
            i = j;
        }
    }
}

void scanJson(const QJsonValue &v, const QString &where, Found &found)
{
    if (v.isString()) {
        note(found, v.toString(), where);
    } else if (v.isArray()) {
        for (const QJsonValue &x : v.toArray())
            scanJson(x, where, found);
    } else if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            scanJson(it.value(), where, found);
    }
}

QString hex(char32_t c)
{
    return u"U+%1"_s.arg(uint(c), 4, 16, QLatin1Char('0')).toUpper();
}

} // namespace

class TestGlyphs : public QObject {
    Q_OBJECT
private slots:
    void everyVisibleCharacterIsInTheBundledFont()
    {
        const QString src = QStringLiteral(SYNSCOPE_SOURCE_DIR);
        Found found;
        for (const QString &dir : {u"app"_s, u"model"_s, u"views"_s}) {
            QDirIterator it(src + u'/' + dir, {u"*.cpp"_s, u"*.h"_s}, QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString path = it.next();
                scanCpp(path, path.mid(src.size() + 1), found);
            }
        }
        QDirIterator scenarios(src + u"/resources/scenarios"_s, {u"*.json"_s}, QDir::Files);
        int files = 0;
        while (scenarios.hasNext()) {
            const QString path = scenarios.next();
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            scanJson(QJsonDocument::fromJson(f.readAll()).object(), path.mid(src.size() + 1), found);
            ++files;
        }
        QVERIFY(files >= 15);
        // The scan sees what the window writes: arrows, dashes, the marks of the diagram.
        QVERIFY(found.count(U'…') && found.count(U'→') && found.count(U'✗'));

        const int id = QFontDatabase::addApplicationFont(u":/fonts/DejaVuSans.ttf"_s);
        QVERIFY(id >= 0);
        QFile ttf(u":/fonts/DejaVuSans.ttf"_s);
        QVERIFY(ttf.open(QIODevice::ReadOnly));
        const QRawFont font(ttf.readAll(), 12);
        QVERIFY(font.isValid());
        QStringList missing;
        for (const auto &[c, where] : found) {
            if (!font.supportsCharacter(uint(c)))
                missing << u"%1 %2 (first in %3)"_s.arg(QString::fromUcs4(&c, 1), hex(c), where);
        }
        QVERIFY2(missing.isEmpty(), qPrintable(u"not in DejaVu Sans:\n  "_s + missing.join(u"\n  "_s)));
    }
};

SYNSCOPE_TEST_MAIN(TestGlyphs)
#include "tst_glyphs.moc"
