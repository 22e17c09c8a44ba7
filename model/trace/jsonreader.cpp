// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonreader.h"

#include <QJsonParseError>
#include <QLocale>
#include <QStringList>
#include <QVariant>
#include <algorithm>
#include <cmath>

namespace {

// Control characters as JSON writes them (\u000a).
QString escaped(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c.unicode() < 0x20)
            out += QStringLiteral("\\u%1").arg(int(c.unicode()), 4, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out;
}

} // namespace

bool JsonReader::parse(const QByteArray &json, QJsonDocument &out)
{
    QJsonParseError parseError {};
    out = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error == QJsonParseError::NoError) return true;
    const qsizetype end = qBound(qsizetype(0), qsizetype(parseError.offset), json.size());
    int line = 1;
    int column = 1;
    for (qsizetype i = 0; i < end; ++i) {
        const auto c = uchar(json[i]);
        if (c == '\n') {
            ++line;
            column = 1;
        } else if ((c & 0xc0) != 0x80) { // count characters, not UTF-8 continuation bytes
            ++column;
        }
    }
    m_error = tr("line %1, column %2: %3").arg(line).arg(column).arg(parseError.errorString());
    return false;
}

QString JsonReader::join(const QString &path, QStringView key)
{
    return path.isEmpty() ? escaped(key) : path + u'.' + escaped(key);
}

QString JsonReader::indexed(QStringView path, qsizetype index)
{
    return path + u'[' + QString::number(index) + u']';
}

QString JsonReader::shown(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Undefined:
        return tr("nothing (the key is missing)");
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: {
        qint64 n = 0;
        if (toInt64(v, n)) return QString::number(n);
        return QString::number(v.toDouble(), 'g', QLocale::FloatingPointShortest);
    }
    case QJsonValue::String: {
        const QString s = v.toString();
        return u'"' + escaped(s.size() > 40 ? QStringView(s).left(40) : QStringView(s)) + u'"'
            + (s.size() > 40 ? QStringLiteral("…") : QString());
    }
    case QJsonValue::Array:
        return tr("an array");
    case QJsonValue::Object:
        return tr("an object");
    }
    return {};
}

bool JsonReader::toInt64(const QJsonValue &v, qint64 &out)
{
    if (!v.isDouble()) return false;
    const QVariant n = v.toVariant();
    if (n.typeId() == QMetaType::LongLong) {
        out = n.toLongLong();
        return true;
    }
    const double d = v.toDouble();
    // 2^63 is exact as a double; anything below it with no fraction converts exactly.
    if (!std::isfinite(d) || std::trunc(d) != d || d < -9223372036854775808.0 || d >= 9223372036854775808.0)
        return false;
    out = qint64(d);
    return true;
}

bool JsonReader::fail(const QString &path, const QString &what)
{
    m_error = path.isEmpty() ? what : path + QStringLiteral(": ") + what;
    return false;
}

bool JsonReader::expected(const QString &path, const QJsonValue &v, const QString &what)
{
    if (v.isUndefined() && m_missing == Missing::First) return fail(path, tr("missing; expected %1").arg(what));
    return fail(path, tr("expected %1, got %2").arg(what, shown(v)));
}

bool JsonReader::onlyKeys(const QJsonObject &o, const QString &path, std::initializer_list<QStringView> keys,
                          const QString &what)
{
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (std::find(keys.begin(), keys.end(), QStringView(it.key())) != keys.end()) continue;
        QStringList names;
        for (QStringView k : keys)
            names << k.toString();
        const QString allowed = names.join(QStringLiteral(", "));
        return fail(join(path, it.key()),
                    what.isEmpty() ? tr("unknown key (expected one of: %1)").arg(allowed)
                                   : tr("unknown field for %1 (expected one of: %2)").arg(what, allowed));
    }
    return true;
}

bool JsonReader::integer(const QJsonValue &v, const QString &path, qint64 min, qint64 max, qint64 &out)
{
    qint64 n = 0;
    if (!toInt64(v, n) || n < min || n > max)
        return expected(path, v, tr("an integer from %1 to %2").arg(min).arg(max));
    out = n;
    return true;
}

bool JsonReader::integer(const QJsonObject &o, const QString &path, QStringView key, qint64 min, qint64 max,
                         qint64 &out, Presence presence)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() && presence == Presence::Optional) return true;
    return integer(v, join(path, key), min, max, out);
}

bool JsonReader::string(const QJsonObject &o, const QString &path, QStringView key, QString &out, Presence presence)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() && presence == Presence::Optional) return true;
    if (!v.isString()) return expected(join(path, key), v, tr("a string"));
    out = v.toString();
    return true;
}

bool JsonReader::boolean(const QJsonObject &o, const QString &path, QStringView key, bool &out, Presence presence)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() && presence == Presence::Optional) return true;
    if (!v.isBool()) return expected(join(path, key), v, tr("true or false"));
    out = v.toBool();
    return true;
}

bool JsonReader::object(const QJsonObject &o, const QString &path, QStringView key, QJsonObject &out)
{
    const QJsonValue v = o.value(key);
    if (!v.isObject()) return expected(join(path, key), v, tr("an object"));
    out = v.toObject();
    return true;
}
