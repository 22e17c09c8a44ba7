// SPDX-License-Identifier: GPL-3.0-or-later
#include "errnoname.h"

#include <QHash>
#include <cerrno>
#include <cstring>

QString errnoName(int err)
{
    if (const char *name = strerrorname_np(err)) return QString::fromLatin1(name);
    return QStringLiteral("errno %1").arg(err);
}

QString errnoText(int err)
{
    return errnoName(err) + QStringLiteral(" (") + QString::fromLocal8Bit(strerrordesc_np(err)) + u')';
}

int errnoFromName(const QString &name)
{
    static const QHash<QString, int> byName = [] {
        QHash<QString, int> map;
        for (int e = 1; e < 200; ++e) {
            if (const char *n = strerrorname_np(e)) map.insert(QString::fromLatin1(n), e);
        }
        return map;
    }();
    return byName.value(name, 0);
}
