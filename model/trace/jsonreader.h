// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <initializer_list>
#include <limits>

// The validating reader behind SynScope's JSON files (scenarios, traces): it parses a document and
// checks values one at a time, and the first wrong one ends the read with one line that says where
// and what — "line 4, column 12: unterminated string" for syntax, a path and the problem for a value:
// "steps[3].do[0].args.port: expected an integer from 0 to 65535, got 99999". A format's reader
// derives from it and adds the checks of its own values.
class JsonReader {
    Q_DECLARE_TR_FUNCTIONS(JsonReader)
public:
    // How a message says a value is not there. Each file format keeps the wording its users know:
    // scenarios "expected a string, got nothing (the key is missing)", traces "missing; expected a string".
    enum class Missing : quint8 { AsValue, First };
    enum class Presence : quint8 { Required, Optional };

    explicit JsonReader(Missing missing)
        : m_missing(missing)
    { }

    // The first problem found; empty while there is none.
    const QString &error() const { return m_error; }

    // Parses a document. A syntax error says where as people and editors count, by line and by
    // character (QJsonParseError only gives a byte offset).
    bool parse(const QByteArray &json, QJsonDocument &out);

    // Paths: "steps" + "caption" is "steps.caption", "steps" and 3 "steps[3]". A key from the file
    // has its control characters written as JSON does (\u000a), so a message stays on one line.
    static QString join(const QString &path, QStringView key);
    static QString indexed(QStringView path, qsizetype index);
    // A value as the file has it, on one line: a string quoted, at most 40 characters of it; an
    // integer in full (1e10 is 10000000000).
    static QString shown(const QJsonValue &value);
    // The one integer rule: a JSON number with no fraction that fits in 64 bits. Qt keeps integers
    // of 64 bits exact and makes larger ones doubles; a double counts when it has no fraction
    // (1e3 is 1000), so 1.5, 1e19 and 1e400 are no integers.
    static bool toInt64(const QJsonValue &value, qint64 &out);

    // Each ends the read (false) with the message "<path>: <what>" ("<what>" for an empty path).
    bool fail(const QString &path, const QString &what);
    // "expected <what>, got <the value>", or that the value is missing.
    bool expected(const QString &path, const QJsonValue &value, const QString &what);
    // Every key of `object` is one of `keys`; else "unknown key (expected one of: …)", or with `what`
    // ("a send event"): "unknown field for a send event (expected one of: …)".
    bool onlyKeys(const QJsonObject &object, const QString &path, std::initializer_list<QStringView> keys,
                  const QString &what = {});

    bool integer(const QJsonValue &value, const QString &path, qint64 min, qint64 max, qint64 &out);
    // The value of object[key], at path.key; an optional one that is missing leaves `out` as it is.
    bool integer(const QJsonObject &object, const QString &path, QStringView key, qint64 min, qint64 max, qint64 &out,
                 Presence presence = Presence::Required);
    // From 0 to the largest T.
    template<typename T>
    bool unsignedInteger(const QJsonObject &object, const QString &path, QStringView key, T &out)
    {
        qint64 v = 0;
        if (!integer(object, path, key, 0, qint64(std::numeric_limits<T>::max()), v)) return false;
        out = T(v);
        return true;
    }
    bool string(const QJsonObject &object, const QString &path, QStringView key, QString &out,
                Presence presence = Presence::Required);
    bool boolean(const QJsonObject &object, const QString &path, QStringView key, bool &out,
                 Presence presence = Presence::Required);
    bool object(const QJsonObject &object, const QString &path, QStringView key, QJsonObject &out);

private:
    QString m_error;
    Missing m_missing;
};
