// SPDX-License-Identifier: MIT
#include "temporary_folder.h"

#include <QFile>

namespace quire::test {

TemporaryFolder::TemporaryFolder() = default;

bool TemporaryFolder::isValid() const
{
    return m_dir.isValid();
}

QString TemporaryFolder::path() const
{
    return m_dir.path();
}

QString TemporaryFolder::filePath(const QString &name) const
{
    return m_dir.filePath(name);
}

QString TemporaryFolder::writeFile(const QString &name, const QByteArray &bytes) const
{
    QString path = filePath(name); // not const: returned, so moved out
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
        return {};
    return path;
}

QByteArray TemporaryFolder::readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

} // namespace quire::test
