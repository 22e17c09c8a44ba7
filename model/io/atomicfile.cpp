// SPDX-License-Identifier: GPL-3.0-or-later
#include "atomicfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

namespace AtomicFile {

namespace {
    QString cannotWrite(const QString &path, const QString &why)
    {
        return QCoreApplication::translate("Export", "cannot write %1: %2").arg(QDir::toNativeSeparators(path), why);
    }
}

bool write(const QString &path, const std::function<bool(QIODevice &device, QString *error)> &produce, QString *error)
{
    if (path.isEmpty()) {
        *error = QCoreApplication::translate("Export", "no file name given");
        return false;
    }
    if (QFileInfo(path).isDir()) {
        *error = cannotWrite(path, QCoreApplication::translate("Export", "it is a directory"));
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = cannotWrite(path, file.errorString());
        return false;
    }
    QString why;
    if (!produce(file, &why)) {
        file.cancelWriting();
        *error = cannotWrite(path, why);
        return false;
    }
    // commit() also reports a write that failed earlier (full disk): QSaveFile remembers it and
    // then removes the temporary file instead of renaming it over the target.
    if (!file.commit()) {
        *error = cannotWrite(path, file.errorString());
        return false;
    }
    return true;
}

bool write(const QString &path, const QByteArray &bytes, QString *error)
{
    return write(
        path,
        [&bytes](QIODevice &device, QString *why) {
            if (device.write(bytes) != bytes.size()) {
                *why = device.errorString();
                return false;
            }
            return true;
        },
        error);
}

}
