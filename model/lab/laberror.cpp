// SPDX-License-Identifier: GPL-3.0-or-later
#include "laberror.h"

#include "trace/errnoname.h"

QString LabError::message() const
{
    QString text;
    if (!call.isEmpty())
        text = err ? QString(call + QStringLiteral(" failed: ") + errnoText(err) + u'.') : QString(call + u'.');
    if (!hint.isEmpty()) text += (text.isEmpty() ? QString() : QStringLiteral(" ")) + hint;
    return text;
}
