// SPDX-License-Identifier: GPL-3.0-or-later
// The German translation is complete and in use: the .ts holds no unfinished or vanished message,
// no translation is the English left as it was (but for names and formats), every built-in
// scenario's texts and every bundled recording's captions come out in German, and the window
// started in German shows German menus and captions.

#include "export/export.h"
#include "io/tracefile.h"
#include "mainwindow.h"
#include "run/session.h"
#include "scenario/builtinscenarios.h"
#include "scenario/captionfields.h"
#include "testmain.h"
#include "trace/segmentlabels.h"
#include "trace/trace.h"
#include "translations.h"

#include <QFile>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace {
constexpr int kWaitMs = 60'000;

struct Message {
    QString context;
    QString source;
    QStringList translations; // one, or each plural form
    QString type; // "unfinished", "vanished", "obsolete" or empty
};

std::vector<Message> readTs(const QString &path, QString *error)
{
    std::vector<Message> out;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return out;
    }
    QXmlStreamReader xml(&file);
    QString context;
    Message m;
    bool numerus = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            if (xml.name() == u"name") {
                context = xml.readElementText();
            } else if (xml.name() == u"message") {
                m = Message {context, {}, {}, {}};
                numerus = xml.attributes().value(u"numerus"_s) == u"yes";
            } else if (xml.name() == u"source") {
                m.source = xml.readElementText();
            } else if (xml.name() == u"translation") {
                m.type = xml.attributes().value(u"type"_s).toString();
                if (!numerus) m.translations << xml.readElementText();
            } else if (xml.name() == u"numerusform") {
                m.translations << xml.readElementText();
            }
        } else if (xml.isEndElement() && xml.name() == u"message") {
            out.push_back(m);
        }
    }
    if (xml.hasError()) *error = xml.errorString();
    return out;
}

// Translations that may be the English as it is: names, units and formats the same in German.
bool mayStayEnglish(const QString &source)
{
    static const QSet<QString> names = {u"TCP"_s,
                                        u"UDP"_s,
                                        u"MPLS"_s,
                                        u"PPPoE"_s,
                                        u"IPv4"_s,
                                        u"IPv6"_s,
                                        u"GRE"_s,
                                        u"VXLAN"_s,
                                        u"Geneve"_s,
                                        u"IPsec AH"_s,
                                        u"ERSPAN"_s,
                                        u"Ethernet"_s,
                                        u"PPP"_s,
                                        u"Cisco HDLC"_s,
                                        u"IEEE 802.11"_s,
                                        u"Linux cooked (SLL)"_s,
                                        u"Linux cooked (SLL2)"_s,
                                        u"Linux NFLOG"_s,
                                        u"Client"_s,
                                        u"Server"_s,
                                        u"Socket"_s,
                                        u"Port"_s,
                                        u"Stream"_s,
                                        u"Bytes"_s,
                                        u"Flags"_s,
                                        u"Segment"_s,
                                        u"Details"_s,
                                        u"errno"_s,
                                        u"RTO"_s,
                                        u"SACK"_s,
                                        u"D-SACK"_s,
                                        u"ECN"_s,
                                        u"TCP Fast Open"_s,
                                        u"µs"_s,
                                        u"TIME_WAIT 2MSL"_s,
                                        u"A4"_s,
                                        u"Letter"_s,
                                        u"Auto"_s,
                                        u"Transport"_s,
                                        u"Traces (*.json)"_s,
                                        u"Detail"_s,
                                        u"&Format:"_s,
                                        u"SynScope[*]"_s,
                                        u"&Qt (QTcpServer, QTcpSocket)"_s,
                                        u"Linux %1"_s,
                                        u"QTcpSocket::close"_s,
                                        u"Ports"_s};
    if (names.contains(source)) return true;
    // Formats with nothing to translate: "%1 ms", "fd %1", "%1 (%2)", "QTcpSocket %1", " s".
    static const QRegularExpression format(
        u"^[\\s%0-9:=×/().,;→—–\\-]*(?:ms|s|fd|px|dpi|seq|ack|QTcpSocket|IPv4|IPv6|TCP|Segment)?[\\s%0-9:=×/().,;→—–\\-]*$"_s);
    if (format.match(source).hasMatch()) return true;
    // Pure markup around a placeholder: "<p style='color:#1b5e20'>%1.</p>".
    return QString(source).remove(QRegularExpression(u"<[^>]*>|%\\d"_s)).trimmed().size() <= 1;
}

QString tsPath()
{
    return QStringLiteral(SYNSCOPE_SOURCE_DIR "/resources/translations/synscope_de.ts");
}

void installGerman()
{
    QString error;
    QVERIFY2(Translations::install(u"de"_s, &error), qPrintable(error));
}
} // namespace

class TestTranslations : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_config;

private slots:
    void initTestCase()
    {
        QVERIFY(m_config.isValid());
        qputenv("XDG_CONFIG_HOME", m_config.path().toUtf8());
    }

    void cleanup()
    {
        QString error;
        QVERIFY(Translations::install(u"en"_s, &error));
    }

    void germanIsComplete()
    {
        QString error;
        const std::vector<Message> messages = readTs(tsPath(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(messages.size() > 1000, qPrintable(QString::number(messages.size())));
        QStringList wrong;
        for (const Message &m : messages) {
            if (!m.type.isEmpty())
                wrong << u"%1 (%2): %3"_s.arg(m.context, m.type, m.source);
            else if (m.translations.isEmpty()
                     || std::any_of(m.translations.begin(), m.translations.end(),
                                    [](const QString &t) { return t.isEmpty(); }))
                wrong << u"%1 (empty): %2"_s.arg(m.context, m.source);
        }
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(u'\n')));
    }

    void noTranslationIsTheEnglish()
    {
        QString error;
        const std::vector<Message> messages = readTs(tsPath(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QStringList same;
        for (const Message &m : messages) {
            if (m.translations.contains(m.source) && !mayStayEnglish(m.source))
                same << u"%1: %2"_s.arg(m.context, m.source);
        }
        QVERIFY2(same.isEmpty(), qPrintable(u"translated as the English itself:\n"_s + same.join(u'\n')));
        // The allow-list is for names and formats, not a way around translating.
        QVERIFY(!mayStayEnglish(u"Three-way handshake"_s));
        QVERIFY(!mayStayEnglish(u"%1 bytes"_s));
    }

    void languages()
    {
        QCOMPARE(Translations::available(), QStringList({u"de"_s, u"en"_s}));
        QString error;
        QVERIFY(!Translations::install(u"xx"_s, &error));
        QVERIFY2(error.contains(u"de, en"_s), qPrintable(error));
        char arg0[] = "synscope", arg1[] = "--language", arg2[] = "de", arg3[] = "--language=en";
        char *twoArgs[] = {arg0, arg1, arg2};
        char *oneArg[] = {arg0, arg3};
        QCOMPARE(Translations::fromArguments(3, twoArgs), u"de"_s);
        QCOMPARE(Translations::fromArguments(2, oneArg), u"en"_s);
        QCOMPARE(Translations::fromArguments(1, oneArg), QString());
    }

    // Every title, description and caption of the built-in scenarios reached lupdate through the
    // generated list and comes back in German; English again once English is chosen.
    void scenariosSpeakGerman()
    {
        installGerman();
        QStringList english;
        for (const BuiltinScenarios::Entry &e : BuiltinScenarios::list()) {
            const std::optional<Scenario> en = BuiltinScenarios::find(e.id, BuiltinScenarios::Texts::English);
            const std::optional<Scenario> de = BuiltinScenarios::find(e.id);
            QVERIFY(en && de);
            QCOMPARE(e.title, de->title);
            if (de->title == en->title) english << e.id + u" title"_s;
            if (de->description == en->description) english << e.id + u" description"_s;
            QCOMPARE(de->steps.size(), en->steps.size());
            for (size_t k = 0; k < de->steps.size(); ++k) {
                if (de->steps[k].caption == en->steps[k].caption) english << e.id + u" step %1"_s.arg(k + 1);
                // A caption's fields are filled in after the translation: they must stay.
                QCOMPARE(CaptionFields::hasFields(de->steps[k].caption),
                         CaptionFields::hasFields(en->steps[k].caption));
            }
        }
        QVERIFY2(english.isEmpty(), qPrintable(english.join(u", "_s)));
        QCOMPARE(BuiltinScenarios::find(u"handshake"_s)->title, u"Drei-Wege-Handschlag"_s);
        cleanup();
        QCOMPARE(BuiltinScenarios::find(u"handshake"_s)->title, u"Three-way handshake"_s);
    }

    // The recordings that come with SynScope hold the English, filled in; shown in German, each
    // caption is the German template filled from the same events.
    void recordingsSpeakGerman()
    {
        installGerman();
        for (const BuiltinScenarios::Entry &e : BuiltinScenarios::list()) {
            Trace trace;
            TraceFile file;
            QString error;
            QVERIFY2(file.read(BuiltinScenarios::recordingPath(e.id), trace, {}, &error), qPrintable(error));
            SegmentLabeler labels(trace);
            labels.update();
            QCOMPARE(trace.info().scenarioId, e.id);
            QCOMPARE(BuiltinScenarios::translated(e.id, "title", trace.info().scenarioTitle), e.title);
            for (int k = 0; k < int(trace.steps().size()); ++k) {
                const QString recorded = trace.steps()[size_t(k)].caption;
                const QString shown = BuiltinScenarios::translatedCaption(e.id, k, recorded, trace, labels);
                QVERIFY2(shown != recorded, qPrintable(u"%1 step %2: %3"_s.arg(e.id).arg(k + 1).arg(recorded)));
                QVERIFY2(!CaptionFields::hasFields(shown), qPrintable(shown));
            }
        }
        // A caption of one's own (or of another version of the scenario) stays as it is.
        Trace trace;
        SegmentLabeler labels(trace);
        QCOMPARE(BuiltinScenarios::translatedCaption(u"handshake"_s, 0, u"My own words."_s, trace, labels),
                 u"My own words."_s);
    }

    // An image export of a built-in scenario's recording carries its captions in the window's
    // language, and its timers' seconds with the German decimal comma.
    void exportsSpeakGerman()
    {
        installGerman();
        Trace trace;
        TraceFile file;
        QString error;
        QVERIFY2(file.read(BuiltinScenarios::recordingPath(u"handshake"_s), trace, {}, &error), qPrintable(error));
        QTemporaryDir dir;
        Export::Options options;
        options.captions = true;
        const QString english = dir.filePath(u"en.svg"_s), german = dir.filePath(u"de.svg"_s);
        QVERIFY2(Export::write(trace, Export::Format::Svg, english, options, &error), qPrintable(error));
        options.captionText = BuiltinScenarios::captionTranslator(trace);
        QVERIFY(options.captionText);
        QVERIFY2(Export::write(trace, Export::Format::Svg, german, options, &error), qPrintable(error));
        const auto text = [](const QString &path) {
            QFile f(path);
            return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
        };
        const QString en = text(english), de = text(german);
        QVERIFY(en.contains(u"The server calls socket()"_s));
        QVERIFY2(de.contains(u"Der Server ruft socket()"_s), qPrintable(de.left(2000)));
        QVERIFY(!de.contains(u"The server calls socket()"_s));
        QVERIFY2(QRegularExpression(u"Wiederholungs-Timer \\d+,\\d s"_s).match(de).hasMatch(),
                 qPrintable(de.left(4000)));
        // A trace of no built-in scenario has nothing to translate.
        Trace own;
        QVERIFY(!BuiltinScenarios::captionTranslator(own));
    }

    // `synscope --language de` installs the translators before the window is made: menus and the
    // run page's caption are German, for a built-in scenario recorded live or, without a lab, played
    // from its bundled recording.
    void windowSpeaksGerman()
    {
        installGerman();
        MainWindow w;
        w.show();
        QStringList menus;
        for (QAction *a : w.menuBar()->actions())
            menus << a->text();
        QVERIFY2(menus.contains(u"&Datei"_s) && menus.contains(u"&Ansicht"_s) && menus.contains(u"&Hilfe"_s),
                 qPrintable(menus.join(u", "_s)));
        QVERIFY2(w.runScenario(u"handshake"_s), qPrintable(w.lastError()));
        QTRY_COMPARE_WITH_TIMEOUT(w.session()->mode(), Session::Mode::Playback, kWaitMs);
        QVERIFY2(w.captionText().contains(u"Drei-Wege-Handschlag"_s), qPrintable(w.captionText()));
        QVERIFY2(w.captionText().contains(u"Leertaste"_s), qPrintable(w.captionText()));
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QTest::keyClick(&w, Qt::Key_Space);
        QTRY_COMPARE_WITH_TIMEOUT(w.session()->playbackStep(), 1, kWaitMs);
        QVERIFY2(w.captionText().contains(u"Der Server ruft socket(), bind() auf Port 9877 und listen() auf"_s),
                 qPrintable(w.captionText()));
    }

    // Where no lab runs, a built-in scenario plays from its bundled recording, which holds the
    // English: the window still shows it in German, a caption with a field filled in from the
    // recording's events.
    void bundledRecordingSpeaksGerman()
    {
        installGerman();
        const QByteArray helper = qgetenv("SYNSCOPE_LAB_HELPER");
        qputenv("SYNSCOPE_LAB_HELPER", "/nonexistent/synscope-lab-helper"); // no lab here
        MainWindow w;
        w.show();
        QVERIFY2(w.runScenario(u"lost-syn"_s), qPrintable(w.lastError()));
        qputenv("SYNSCOPE_LAB_HELPER", helper);
        QCOMPARE(w.session()->mode(), Session::Mode::Playback);
        QVERIFY(!w.session()->isLabReady());
        QVERIFY(QTest::qWaitForWindowActive(&w));
        for (int i = 0; i < 4; ++i)
            QTest::keyClick(&w, Qt::Key_Space);
        QTRY_COMPARE_WITH_TIMEOUT(w.session()->playbackStep(), 4, kWaitMs);
        // Step 4's template: "... ({resend:client} here) ...", recorded as "(1.0 s here)".
        QVERIFY2(w.captionText().contains(u"Die Leitung verwirft das SYN"_s), qPrintable(w.captionText()));
        QVERIFY2(QRegularExpression(u"\\(hier \\d+[.,]\\d s\\)"_s).match(w.captionText()).hasMatch(),
                 qPrintable(w.captionText()));
    }
};

SYNSCOPE_TEST_MAIN(TestTranslations)
#include "tst_translations.moc"
