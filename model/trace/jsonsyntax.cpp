// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonsyntax.h"

#include <QCoreApplication>
#include <QJsonParseError>

namespace JsonSyntax {

bool parse(const QByteArray &json, QJsonDocument &out, QString *error)
{
    QJsonParseError parseError {};
    out = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error == QJsonParseError::NoError)
        return true;
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
    *error = QCoreApplication::translate("JsonSyntax", "line %1, column %2: %3")
                 .arg(line)
                 .arg(column)
                 .arg(parseError.errorString());
    return false;
}

}
