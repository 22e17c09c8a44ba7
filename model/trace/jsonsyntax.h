// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QString>

namespace JsonSyntax {
// Parses a JSON document; on a syntax error returns false and says where as people and editors
// count: "line 4, column 12: unterminated string" (QJsonParseError only gives a byte offset).
bool parse(const QByteArray &json, QJsonDocument &out, QString *error);
}
