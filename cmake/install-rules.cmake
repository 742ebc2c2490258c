# SPDX-License-Identifier: MIT
# Install layout (GNUInstallDirs) and the Debian package.

include(GNUInstallDirs)

set(QUIRE_APP_ID "io.github.quire.Quire")

# quire links only system libraries: no RPATH in the installed binary (qt_standard_project_setup
# would give it $ORIGIN:$ORIGIN/../lib, which a Debian package must not carry).
set_target_properties(quire PROPERTIES INSTALL_RPATH "")

install(TARGETS quire
  RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}" COMPONENT Runtime
  BUNDLE DESTINATION "." COMPONENT Runtime)
install(FILES "${PROJECT_SOURCE_DIR}/resources/${QUIRE_APP_ID}.desktop"
  DESTINATION "${CMAKE_INSTALL_DATADIR}/applications" COMPONENT Runtime)
install(FILES "${PROJECT_SOURCE_DIR}/resources/icons/quire.svg"
  DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps"
  RENAME "${QUIRE_APP_ID}.svg" COMPONENT Runtime)

if(PROJECT_IS_TOP_LEVEL)
  set(CPACK_PACKAGE_NAME "quire")
  set(CPACK_PACKAGE_VENDOR "Quire")
  set(CPACK_PACKAGE_CONTACT "Quire developers <quire@example.invalid>")
  set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
  set(CPACK_GENERATOR "DEB")
  set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
  set(CPACK_DEBIAN_PACKAGE_SECTION "utils")
  # Debug information stays in the build tree; the package ships a stripped binary.
  set(CPACK_STRIP_FILES ON)
  # dpkg-shlibdeps declares the exact Qt libraries the binary links; the SQLite driver is a
  # plugin it cannot see, so it is named by hand.
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
  set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite")
  include(CPack)
endif()
