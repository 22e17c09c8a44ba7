// SPDX-License-Identifier: GPL-3.0-or-later
// The rules every JSON file of SynScope is read by (scenarios, traces), tested once: where a
// syntax error is, the path a wrong value is named by, and which numbers are integers.

#include "testmain.h"
#include "trace/jsonreader.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
// The value of "v" in {"v": <json>}, as a file gives it.
QJsonValue valueOf(const QByteArray &json)
{
    return QJsonDocument::fromJson("{\"v\": " + json + '}').object().value(u"v");
}
} // namespace

class TestJsonReader : public QObject {
    Q_OBJECT
private slots:
    void syntax_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("error");
        QTest::newRow("empty") << QByteArray() << u"line 1, column 1: illegal value"_s;
        QTest::newRow("missing comma, line 3")
            << QByteArray("{\n  \"a\": 1\n  \"b\": 2\n}") << u"line 3, column 4: unterminated object"_s;
        // Ü is two bytes and one column: columns count characters as editors do.
        QTest::newRow("after a multi-byte character")
            << QByteArray("{\"t\": \"Ü\" ]") << u"line 1, column 12: unterminated object"_s;
    }
    void syntax()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, error);
        JsonReader reader(JsonReader::Missing::AsValue);
        QJsonDocument doc;
        QVERIFY(!reader.parse(json, doc));
        QCOMPARE(reader.error(), error);
    }

    void paths()
    {
        QCOMPARE(JsonReader::join({}, u"steps"), u"steps"_s);
        QCOMPARE(JsonReader::indexed(JsonReader::join(JsonReader::indexed(u"steps", 3), u"do"), 0),
                 u"steps[3].do[0]"_s);
        QCOMPARE(JsonReader::join(u"steps[3].do[0]"_s, u"args"), u"steps[3].do[0].args"_s);
        // A key from the file stays on the message's one line.
        QCOMPARE(JsonReader::join(u"hosts"_s, u"tcp_sack\n"), u"hosts.tcp_sack\\u000a"_s);

        JsonReader reader(JsonReader::Missing::AsValue);
        QVERIFY(!reader.fail({}, u"top level: expected a scenario object"_s));
        QCOMPARE(reader.error(), u"top level: expected a scenario object"_s);
        QVERIFY(!reader.fail(u"steps[1]"_s, u"wrong"_s));
        QCOMPARE(reader.error(), u"steps[1]: wrong"_s);
    }

    void integers_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<qint64>("value");
        QTest::addColumn<QString>("shown");
        QTest::newRow("integer") << QByteArray("7") << true << qint64(7) << u"7"_s;
        QTest::newRow("negative") << QByteArray("-3") << true << qint64(-3) << u"-3"_s;
        QTest::newRow("exponent without fraction") << QByteArray("1e3") << true << qint64(1000) << u"1000"_s;
        QTest::newRow("fraction") << QByteArray("1.5") << false << qint64(0) << u"1.5"_s;
        QTest::newRow("largest 64-bit") << QByteArray("9223372036854775807") << true
                                        << std::numeric_limits<qint64>::max() << u"9223372036854775807"_s;
        QTest::newRow("smallest 64-bit") << QByteArray("-9223372036854775808") << true
                                         << std::numeric_limits<qint64>::min() << u"-9223372036854775808"_s;
        // One past 64 bits is a double for Qt, and shows as the double it was read as.
        QTest::newRow("overflow") << QByteArray("9223372036854775808") << false << qint64(0)
                                  << u"9223372036854776000"_s;
        QTest::newRow("far past 64 bits") << QByteArray("1e19") << false << qint64(0) << u"1e+19"_s;
        QTest::newRow("string") << QByteArray("\"7\"") << false << qint64(0) << u"\"7\""_s;
        QTest::newRow("bool") << QByteArray("true") << false << qint64(0) << u"true"_s;
        QTest::newRow("null") << QByteArray("null") << false << qint64(0) << u"null"_s;
    }
    void integers()
    {
        QFETCH(QByteArray, json);
        QFETCH(bool, ok);
        QFETCH(qint64, value);
        QFETCH(QString, shown);
        const QJsonValue v = valueOf(json);
        qint64 n = 0;
        QCOMPARE(JsonReader::toInt64(v, n), ok);
        if (ok) QCOMPARE(n, value);
        QCOMPARE(JsonReader::shown(v), shown);
    }

    void range()
    {
        JsonReader reader(JsonReader::Missing::AsValue);
        qint64 n = -1;
        QVERIFY(reader.integer(valueOf("65535"), u"port"_s, 0, 65535, n));
        QCOMPARE(n, 65535);
        QVERIFY(!reader.integer(valueOf("99999"), u"steps[0].do[1].args.port"_s, 0, 65535, n));
        QCOMPARE(reader.error(), u"steps[0].do[1].args.port: expected an integer from 0 to 65535, got 99999"_s);
        QVERIFY(!reader.integer(valueOf("2.5"), u"count"_s, 0, 10, n));
        QCOMPARE(reader.error(), u"count: expected an integer from 0 to 10, got 2.5"_s);
        QCOMPARE(n, 65535); // a failed read leaves the value alone
    }

    // Each format keeps its wording for a value that is not there.
    void missing()
    {
        const QJsonObject o;
        QString s;
        JsonReader scenario(JsonReader::Missing::AsValue);
        QVERIFY(!scenario.string(o, u"steps[0]"_s, u"caption", s));
        QCOMPARE(scenario.error(), u"steps[0].caption: expected a string, got nothing (the key is missing)"_s);
        JsonReader trace(JsonReader::Missing::First);
        QVERIFY(!trace.string(o, u"steps[0]"_s, u"caption", s));
        QCOMPARE(trace.error(), u"steps[0].caption: missing; expected a string"_s);
        QVERIFY(trace.string(o, u"steps[0]"_s, u"caption", s, JsonReader::Presence::Optional));
        bool b = true;
        QVERIFY(trace.boolean(o, {}, u"copy", b, JsonReader::Presence::Optional));
        QVERIFY(b);
    }

    void shownStrings()
    {
        // Control characters as JSON writes them; at most 40 characters, then "…".
        QCOMPARE(JsonReader::shown(QJsonValue(u"0\n"_s)), u"\"0\\u000a\""_s);
        QCOMPARE(JsonReader::shown(QJsonValue(QString(45, u'x'))), u'"' + QString(40, u'x') + u"\"…"_s);
        QCOMPARE(JsonReader::shown(QJsonValue(QJsonArray {})), u"an array"_s);
        QCOMPARE(JsonReader::shown(QJsonValue(QJsonObject {})), u"an object"_s);
    }

    void unknownKeys()
    {
        const QJsonObject o {{u"colour"_s, 1}};
        JsonReader reader(JsonReader::Missing::AsValue);
        QVERIFY(reader.onlyKeys(o, {}, {u"colour", u"id"}));
        QVERIFY(!reader.onlyKeys(o, {}, {u"format", u"id"}));
        QCOMPARE(reader.error(), u"colour: unknown key (expected one of: format, id)"_s);
        QVERIFY(!reader.onlyKeys(o, u"events[2]"_s, {u"kind", u"of"}, u"a deliver event"_s));
        QCOMPARE(reader.error(), u"events[2].colour: unknown field for a deliver event (expected one of: kind, of)"_s);
    }
};

SYNSCOPE_TEST_MAIN(TestJsonReader)
#include "tst_jsonreader.moc"
