// SPDX-License-Identifier: GPL-3.0-or-later
// How call results and data are written for people: what a read gave is quoted as a C string
// literal shows it, so a student counts the newline too.

#include "testmain.h"
#include "trace/event.h"
#include "trace/eventtext.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestEventText : public QObject {
    Q_OBJECT
private slots:
    void quotedData_data()
    {
        QTest::addColumn<QString>("data");
        QTest::addColumn<int>("max");
        QTest::addColumn<QString>("quoted");
        QTest::newRow("newline") << u"hello\n"_s << 40 << u"\"hello\\n\""_s;
        QTest::newRow("crlf and tab") << u"a\r\n\tb"_s << 40 << u"\"a\\r\\n\\tb\""_s;
        QTest::newRow("quote and backslash") << u"say \"hi\" \\"_s << 40 << u"\"say \\\"hi\\\" \\\\\""_s;
        QTest::newRow("other control bytes") << u"\x01\x7f"_s << 40 << u"\"\\x01\\x7f\""_s;
        QTest::newRow("cut") << u"0123456789"_s << 4 << u"\"0123\"…"_s;
        QTest::newRow("empty") << QString() << 4 << u"\"\""_s;
    }
    void quotedData()
    {
        QFETCH(QString, data);
        QFETCH(int, max);
        QFETCH(QString, quoted);
        QCOMPARE(EventText::quotedData(data, max), quoted);
    }

    void returnShowsTheNewline()
    {
        CallRecord r;
        r.fn = u"read"_s;
        r.hasResult = true;
        r.result = 6;
        r.detail = u"hello\n"_s;
        QCOMPARE(EventText::returnText(r), u"read returns 6 \"hello\\n\""_s);
    }
};

SYNSCOPE_TEST_MAIN(TestEventText)
#include "tst_eventtext.moc"
