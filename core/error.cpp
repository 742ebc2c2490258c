// SPDX-License-Identifier: MIT
#include <quire/core/error.h>
#include <quire/core/operation.h>

using namespace Qt::StringLiterals;

namespace quire::core {

QString errorCodeName(ErrorCode code)
{
    const auto index = static_cast<std::size_t>(code);
    const std::u16string_view name = index < kErrorCodeNames.size() ? kErrorCodeNames[index] : kErrorCodeNames.back();
    return QString::fromUtf16(name.data(), static_cast<qsizetype>(name.size()));
}

Error cancelledError(const QString &what)
{
    return {ErrorCode::Cancelled, what.isEmpty() ? u"cancelled; nothing was changed"_s : what};
}

} // namespace quire::core
