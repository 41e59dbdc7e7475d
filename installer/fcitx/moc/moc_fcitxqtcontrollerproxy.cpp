/****************************************************************************
** Meta object code from reading C++ file 'fcitxqtcontrollerproxy.h'
**
** Created by: The Qt Meta Object Compiler version 68 (Qt 6.4.2)
**
** WARNING! All changes made in this file will be lost!
*****************************************************************************/

#include <memory>
#include "fcitxqtcontrollerproxy.h"
#include <QtCore/qmetatype.h>
#if !defined(Q_MOC_OUTPUT_REVISION)
#error "The header file 'fcitxqtcontrollerproxy.h' doesn't include <QObject>."
#elif Q_MOC_OUTPUT_REVISION != 68
#error "This file was generated using the moc from 6.4.2. It"
#error "cannot be used with the include files from this version of Qt."
#error "(The moc has changed too much.)"
#endif

#ifndef Q_CONSTINIT
#define Q_CONSTINIT
#endif

QT_BEGIN_MOC_NAMESPACE
QT_WARNING_PUSH
QT_WARNING_DISABLE_DEPRECATED
namespace {
struct qt_meta_stringdata_fcitx__FcitxQtControllerProxy_t {
    uint offsetsAndSizes[134];
    char stringdata0[30];
    char stringdata1[25];
    char stringdata2[1];
    char stringdata3[9];
    char stringdata4[20];
    char stringdata5[20];
    char stringdata6[4];
    char stringdata7[11];
    char stringdata8[27];
    char stringdata9[22];
    char stringdata10[47];
    char stringdata11[25];
    char stringdata12[41];
    char stringdata13[11];
    char stringdata14[24];
    char stringdata15[12];
    char stringdata16[10];
    char stringdata17[15];
    char stringdata18[12];
    char stringdata19[19];
    char stringdata20[10];
    char stringdata21[5];
    char stringdata22[25];
    char stringdata23[87];
    char stringdata24[20];
    char stringdata25[9];
    char stringdata26[19];
    char stringdata27[14];
    char stringdata28[13];
    char stringdata29[11];
    char stringdata30[33];
    char stringdata31[21];
    char stringdata32[10];
    char stringdata33[40];
    char stringdata34[12];
    char stringdata35[42];
    char stringdata36[10];
    char stringdata37[54];
    char stringdata38[25];
    char stringdata39[23];
    char stringdata40[5];
    char stringdata41[21];
    char stringdata42[53];
    char stringdata43[27];
    char stringdata44[6];
    char stringdata45[18];
    char stringdata46[31];
    char stringdata47[8];
    char stringdata48[18];
    char stringdata49[13];
    char stringdata50[23];
    char stringdata51[12];
    char stringdata52[8];
    char stringdata53[15];
    char stringdata54[22];
    char stringdata55[10];
    char stringdata56[13];
    char stringdata57[4];
    char stringdata58[13];
    char stringdata59[24];
    char stringdata60[5];
    char stringdata61[7];
    char stringdata62[26];
    char stringdata63[8];
    char stringdata64[6];
    char stringdata65[23];
    char stringdata66[7];
};
#define QT_MOC_LITERAL(ofs, len) \
    uint(sizeof(qt_meta_stringdata_fcitx__FcitxQtControllerProxy_t::offsetsAndSizes) + ofs), len 
Q_CONSTINIT static const qt_meta_stringdata_fcitx__FcitxQtControllerProxy_t qt_meta_stringdata_fcitx__FcitxQtControllerProxy = {
    {
        QT_MOC_LITERAL(0, 29),  // "fcitx::FcitxQtControllerProxy"
        QT_MOC_LITERAL(30, 24),  // "InputMethodGroupsChanged"
        QT_MOC_LITERAL(55, 0),  // ""
        QT_MOC_LITERAL(56, 8),  // "Activate"
        QT_MOC_LITERAL(65, 19),  // "QDBusPendingReply<>"
        QT_MOC_LITERAL(85, 19),  // "AddInputMethodGroup"
        QT_MOC_LITERAL(105, 3),  // "in0"
        QT_MOC_LITERAL(109, 10),  // "AddonForIM"
        QT_MOC_LITERAL(120, 26),  // "QDBusPendingReply<QString>"
        QT_MOC_LITERAL(147, 21),  // "AvailableInputMethods"
        QT_MOC_LITERAL(169, 46),  // "QDBusPendingReply<FcitxQtInpu..."
        QT_MOC_LITERAL(216, 24),  // "AvailableKeyboardLayouts"
        QT_MOC_LITERAL(241, 40),  // "QDBusPendingReply<FcitxQtLayo..."
        QT_MOC_LITERAL(282, 10),  // "CanRestart"
        QT_MOC_LITERAL(293, 23),  // "QDBusPendingReply<bool>"
        QT_MOC_LITERAL(317, 11),  // "CheckUpdate"
        QT_MOC_LITERAL(329, 9),  // "Configure"
        QT_MOC_LITERAL(339, 14),  // "ConfigureAddon"
        QT_MOC_LITERAL(354, 11),  // "ConfigureIM"
        QT_MOC_LITERAL(366, 18),  // "CurrentInputMethod"
        QT_MOC_LITERAL(385, 9),  // "CurrentUI"
        QT_MOC_LITERAL(395, 4),  // "Exit"
        QT_MOC_LITERAL(400, 24),  // "FullInputMethodGroupInfo"
        QT_MOC_LITERAL(425, 86),  // "QDBusPendingReply<QString,QSt..."
        QT_MOC_LITERAL(512, 19),  // "QDBusReply<QString>"
        QT_MOC_LITERAL(532, 8),  // "QString&"
        QT_MOC_LITERAL(541, 18),  // "defaultInputMethod"
        QT_MOC_LITERAL(560, 13),  // "defaultLayout"
        QT_MOC_LITERAL(574, 12),  // "QVariantMap&"
        QT_MOC_LITERAL(587, 10),  // "properties"
        QT_MOC_LITERAL(598, 32),  // "FcitxQtFullInputMethodEntryList&"
        QT_MOC_LITERAL(631, 20),  // "inputMethodEntryList"
        QT_MOC_LITERAL(652, 9),  // "GetAddons"
        QT_MOC_LITERAL(662, 39),  // "QDBusPendingReply<FcitxQtAddo..."
        QT_MOC_LITERAL(702, 11),  // "GetAddonsV2"
        QT_MOC_LITERAL(714, 41),  // "QDBusPendingReply<FcitxQtAddo..."
        QT_MOC_LITERAL(756, 9),  // "GetConfig"
        QT_MOC_LITERAL(766, 53),  // "QDBusPendingReply<QDBusVarian..."
        QT_MOC_LITERAL(820, 24),  // "QDBusReply<QDBusVariant>"
        QT_MOC_LITERAL(845, 22),  // "FcitxQtConfigTypeList&"
        QT_MOC_LITERAL(868, 4),  // "out1"
        QT_MOC_LITERAL(873, 20),  // "InputMethodGroupInfo"
        QT_MOC_LITERAL(894, 52),  // "QDBusPendingReply<QString,Fci..."
        QT_MOC_LITERAL(947, 26),  // "FcitxQtStringKeyValueList&"
        QT_MOC_LITERAL(974, 5),  // "items"
        QT_MOC_LITERAL(980, 17),  // "InputMethodGroups"
        QT_MOC_LITERAL(998, 30),  // "QDBusPendingReply<QStringList>"
        QT_MOC_LITERAL(1029, 7),  // "Refresh"
        QT_MOC_LITERAL(1037, 17),  // "ReloadAddonConfig"
        QT_MOC_LITERAL(1055, 12),  // "ReloadConfig"
        QT_MOC_LITERAL(1068, 22),  // "RemoveInputMethodGroup"
        QT_MOC_LITERAL(1091, 11),  // "ResetIMList"
        QT_MOC_LITERAL(1103, 7),  // "Restart"
        QT_MOC_LITERAL(1111, 14),  // "SetAddonsState"
        QT_MOC_LITERAL(1126, 21),  // "FcitxQtAddonStateList"
        QT_MOC_LITERAL(1148, 9),  // "SetConfig"
        QT_MOC_LITERAL(1158, 12),  // "QDBusVariant"
        QT_MOC_LITERAL(1171, 3),  // "in1"
        QT_MOC_LITERAL(1175, 12),  // "SetCurrentIM"
        QT_MOC_LITERAL(1188, 23),  // "SetInputMethodGroupInfo"
        QT_MOC_LITERAL(1212, 4),  // "name"
        QT_MOC_LITERAL(1217, 6),  // "layout"
        QT_MOC_LITERAL(1224, 25),  // "FcitxQtStringKeyValueList"
        QT_MOC_LITERAL(1250, 7),  // "entries"
        QT_MOC_LITERAL(1258, 5),  // "State"
        QT_MOC_LITERAL(1264, 22),  // "QDBusPendingReply<int>"
        QT_MOC_LITERAL(1287, 6)   // "Toggle"
    },
    "fcitx::FcitxQtControllerProxy",
    "InputMethodGroupsChanged",
    "",
    "Activate",
    "QDBusPendingReply<>",
    "AddInputMethodGroup",
    "in0",
    "AddonForIM",
    "QDBusPendingReply<QString>",
    "AvailableInputMethods",
    "QDBusPendingReply<FcitxQtInputMethodEntryList>",
    "AvailableKeyboardLayouts",
    "QDBusPendingReply<FcitxQtLayoutInfoList>",
    "CanRestart",
    "QDBusPendingReply<bool>",
    "CheckUpdate",
    "Configure",
    "ConfigureAddon",
    "ConfigureIM",
    "CurrentInputMethod",
    "CurrentUI",
    "Exit",
    "FullInputMethodGroupInfo",
    "QDBusPendingReply<QString,QString,QString,QVariantMap,FcitxQtFullInput"
    "MethodEntryList>",
    "QDBusReply<QString>",
    "QString&",
    "defaultInputMethod",
    "defaultLayout",
    "QVariantMap&",
    "properties",
    "FcitxQtFullInputMethodEntryList&",
    "inputMethodEntryList",
    "GetAddons",
    "QDBusPendingReply<FcitxQtAddonInfoList>",
    "GetAddonsV2",
    "QDBusPendingReply<FcitxQtAddonInfoV2List>",
    "GetConfig",
    "QDBusPendingReply<QDBusVariant,FcitxQtConfigTypeList>",
    "QDBusReply<QDBusVariant>",
    "FcitxQtConfigTypeList&",
    "out1",
    "InputMethodGroupInfo",
    "QDBusPendingReply<QString,FcitxQtStringKeyValueList>",
    "FcitxQtStringKeyValueList&",
    "items",
    "InputMethodGroups",
    "QDBusPendingReply<QStringList>",
    "Refresh",
    "ReloadAddonConfig",
    "ReloadConfig",
    "RemoveInputMethodGroup",
    "ResetIMList",
    "Restart",
    "SetAddonsState",
    "FcitxQtAddonStateList",
    "SetConfig",
    "QDBusVariant",
    "in1",
    "SetCurrentIM",
    "SetInputMethodGroupInfo",
    "name",
    "layout",
    "FcitxQtStringKeyValueList",
    "entries",
    "State",
    "QDBusPendingReply<int>",
    "Toggle"
};
#undef QT_MOC_LITERAL
} // unnamed namespace

Q_CONSTINIT static const uint qt_meta_data_fcitx__FcitxQtControllerProxy[] = {

 // content:
      10,       // revision
       0,       // classname
       0,    0, // classinfo
      35,   14, // methods
       0,    0, // properties
       0,    0, // enums/sets
       0,    0, // constructors
       0,       // flags
       1,       // signalCount

 // signals: name, argc, parameters, tag, flags, initial metatype offsets
       1,    0,  224,    2, 0x06,    1 /* Public */,

 // slots: name, argc, parameters, tag, flags, initial metatype offsets
       3,    0,  225,    2, 0x0a,    2 /* Public */,
       5,    1,  226,    2, 0x0a,    3 /* Public */,
       7,    1,  229,    2, 0x0a,    5 /* Public */,
       9,    0,  232,    2, 0x0a,    7 /* Public */,
      11,    0,  233,    2, 0x0a,    8 /* Public */,
      13,    0,  234,    2, 0x0a,    9 /* Public */,
      15,    0,  235,    2, 0x0a,   10 /* Public */,
      16,    0,  236,    2, 0x0a,   11 /* Public */,
      17,    1,  237,    2, 0x0a,   12 /* Public */,
      18,    1,  240,    2, 0x0a,   14 /* Public */,
      19,    0,  243,    2, 0x0a,   16 /* Public */,
      20,    0,  244,    2, 0x0a,   17 /* Public */,
      21,    0,  245,    2, 0x0a,   18 /* Public */,
      22,    1,  246,    2, 0x0a,   19 /* Public */,
      22,    5,  249,    2, 0x0a,   21 /* Public */,
      32,    0,  260,    2, 0x0a,   27 /* Public */,
      34,    0,  261,    2, 0x0a,   28 /* Public */,
      36,    1,  262,    2, 0x0a,   29 /* Public */,
      36,    2,  265,    2, 0x0a,   31 /* Public */,
      41,    1,  270,    2, 0x0a,   34 /* Public */,
      41,    2,  273,    2, 0x0a,   36 /* Public */,
      45,    0,  278,    2, 0x0a,   39 /* Public */,
      47,    0,  279,    2, 0x0a,   40 /* Public */,
      48,    1,  280,    2, 0x0a,   41 /* Public */,
      49,    0,  283,    2, 0x0a,   43 /* Public */,
      50,    1,  284,    2, 0x0a,   44 /* Public */,
      51,    0,  287,    2, 0x0a,   46 /* Public */,
      52,    0,  288,    2, 0x0a,   47 /* Public */,
      53,    1,  289,    2, 0x0a,   48 /* Public */,
      55,    2,  292,    2, 0x0a,   50 /* Public */,
      58,    1,  297,    2, 0x0a,   53 /* Public */,
      59,    3,  300,    2, 0x0a,   55 /* Public */,
      64,    0,  307,    2, 0x0a,   59 /* Public */,
      66,    0,  308,    2, 0x0a,   60 /* Public */,

 // signals: parameters
    QMetaType::Void,

 // slots: parameters
    0x80000000 | 4,
    0x80000000 | 4, QMetaType::QString,    6,
    0x80000000 | 8, QMetaType::QString,    6,
    0x80000000 | 10,
    0x80000000 | 12,
    0x80000000 | 14,
    0x80000000 | 14,
    0x80000000 | 4,
    0x80000000 | 4, QMetaType::QString,    6,
    0x80000000 | 4, QMetaType::QString,    6,
    0x80000000 | 8,
    0x80000000 | 8,
    0x80000000 | 4,
    0x80000000 | 23, QMetaType::QString,    6,
    0x80000000 | 24, QMetaType::QString, 0x80000000 | 25, 0x80000000 | 25, 0x80000000 | 28, 0x80000000 | 30,    6,   26,   27,   29,   31,
    0x80000000 | 33,
    0x80000000 | 35,
    0x80000000 | 37, QMetaType::QString,    6,
    0x80000000 | 38, QMetaType::QString, 0x80000000 | 39,    6,   40,
    0x80000000 | 42, QMetaType::QString,    6,
    0x80000000 | 24, QMetaType::QString, 0x80000000 | 43,    6,   44,
    0x80000000 | 46,
    0x80000000 | 4,
    0x80000000 | 4, QMetaType::QString,    6,
    0x80000000 | 4,
    0x80000000 | 4, QMetaType::QString,    6,
    0x80000000 | 4,
    0x80000000 | 4,
    0x80000000 | 4, 0x80000000 | 54,    6,
    0x80000000 | 4, QMetaType::QString, 0x80000000 | 56,    6,   57,
    0x80000000 | 4, QMetaType::QString,    6,
    0x80000000 | 4, QMetaType::QString, QMetaType::QString, 0x80000000 | 62,   60,   61,   63,
    0x80000000 | 65,
    0x80000000 | 4,

       0        // eod
};

Q_CONSTINIT const QMetaObject fcitx::FcitxQtControllerProxy::staticMetaObject = { {
    QMetaObject::SuperData::link<QDBusAbstractInterface::staticMetaObject>(),
    qt_meta_stringdata_fcitx__FcitxQtControllerProxy.offsetsAndSizes,
    qt_meta_data_fcitx__FcitxQtControllerProxy,
    qt_static_metacall,
    nullptr,
    qt_incomplete_metaTypeArray<qt_meta_stringdata_fcitx__FcitxQtControllerProxy_t,
        // Q_OBJECT / Q_GADGET
        QtPrivate::TypeAndForceComplete<FcitxQtControllerProxy, std::true_type>,
        // method 'InputMethodGroupsChanged'
        QtPrivate::TypeAndForceComplete<void, std::false_type>,
        // method 'Activate'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<>, std::false_type>,
        // method 'AddInputMethodGroup'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<>, std::false_type>,
        QtPrivate::TypeAndForceComplete<const QString &, std::false_type>,
        // method 'AddonForIM'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<QString>, std::false_type>,
        QtPrivate::TypeAndForceComplete<const QString &, std::false_type>,
        // method 'AvailableInputMethods'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<FcitxQtInputMethodEntryList>, std::false_type>,
        // method 'AvailableKeyboardLayouts'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<FcitxQtLayoutInfoList>, std::false_type>,
        // method 'CanRestart'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<bool>, std::false_type>,
        // method 'CheckUpdate'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<bool>, std::false_type>,
        // method 'Configure'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<>, std::false_type>,
        // method 'ConfigureAddon'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<>, std::false_type>,
        QtPrivate::TypeAndForceComplete<const QString &, std::false_type>,
        // method 'ConfigureIM'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<>, std::false_type>,
        QtPrivate::TypeAndForceComplete<const QString &, std::false_type>,
        // method 'CurrentInputMethod'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<QString>, std::false_type>,
        // method 'CurrentUI'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<QString>, std::false_type>,
        // method 'Exit'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<>, std::false_type>,
        // method 'FullInputMethodGroupInfo'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<QString,QString,QString,QVariantMap,FcitxQtFullInputMethodEntryList>, std::false_type>,
        QtPrivate::TypeAndForceComplete<const QString &, std::false_type>,
        // method 'FullInputMethodGroupInfo'
        QtPrivate::TypeAndForceComplete<QDBusReply<QString>, std::false_type>,
        QtPrivate::TypeAndForceComplete<const QString &, std::false_type>,
        QtPrivate::TypeAndForceComplete<QString &, std::false_type>,
        QtPrivate::TypeAndForceComplete<QString &, std::false_type>,
        QtPrivate::TypeAndForceComplete<QVariantMap &, std::false_type>,
        QtPrivate::TypeAndForceComplete<FcitxQtFullInputMethodEntryList &, std::false_type>,
        // method 'GetAddons'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<FcitxQtAddonInfoList>, std::false_type>,
        // method 'GetAddonsV2'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<FcitxQtAddonInfoV2List>, std::false_type>,
        // method 'GetConfig'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<QDBusVariant,FcitxQtConfigTypeList>, std::false_type>,
        QtPrivate::TypeAndForceComplete<const QString &, std::false_type>,
        // method 'GetConfig'
        QtPrivate::TypeAndForceComplete<QDBusReply<QDBusVariant>, std::false_type>,
        QtPrivate::TypeAndForceComplete<const QString &, std::false_type>,
        QtPrivate::TypeAndForceComplete<FcitxQtConfigTypeList &, std::false_type>,
        // method 'InputMethodGroupInfo'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<QString,FcitxQtStringKeyValueList>, std::false_type>,
        QtPrivate::TypeAndForceComplete<const QString &, std::false_type>,
        // method 'InputMethodGroupInfo'
        QtPrivate::TypeAndForceComplete<QDBusReply<QString>, std::false_type>,
        QtPrivate::TypeAndForceComplete<const QString &, std::false_type>,
        QtPrivate::TypeAndForceComplete<FcitxQtStringKeyValueList &, std::false_type>,
        // method 'InputMethodGroups'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<QStringList>, std::false_type>,
        // method 'Refresh'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<>, std::false_type>,
        // method 'ReloadAddonConfig'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<>, std::false_type>,
        QtPrivate::TypeAndForceComplete<const QString &, std::false_type>,
        // method 'ReloadConfig'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<>, std::false_type>,
        // method 'RemoveInputMethodGroup'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<>, std::false_type>,
        QtPrivate::TypeAndForceComplete<const QString &, std::false_type>,
        // method 'ResetIMList'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<>, std::false_type>,
        // method 'Restart'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<>, std::false_type>,
        // method 'SetAddonsState'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<>, std::false_type>,
        QtPrivate::TypeAndForceComplete<FcitxQtAddonStateList, std::false_type>,
        // method 'SetConfig'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<>, std::false_type>,
        QtPrivate::TypeAndForceComplete<const QString &, std::false_type>,
        QtPrivate::TypeAndForceComplete<const QDBusVariant &, std::false_type>,
        // method 'SetCurrentIM'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<>, std::false_type>,
        QtPrivate::TypeAndForceComplete<const QString &, std::false_type>,
        // method 'SetInputMethodGroupInfo'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<>, std::false_type>,
        QtPrivate::TypeAndForceComplete<const QString &, std::false_type>,
        QtPrivate::TypeAndForceComplete<const QString &, std::false_type>,
        QtPrivate::TypeAndForceComplete<FcitxQtStringKeyValueList, std::false_type>,
        // method 'State'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<int>, std::false_type>,
        // method 'Toggle'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<>, std::false_type>
    >,
    nullptr
} };

void fcitx::FcitxQtControllerProxy::qt_static_metacall(QObject *_o, QMetaObject::Call _c, int _id, void **_a)
{
    if (_c == QMetaObject::InvokeMetaMethod) {
        auto *_t = static_cast<FcitxQtControllerProxy *>(_o);
        (void)_t;
        switch (_id) {
        case 0: _t->InputMethodGroupsChanged(); break;
        case 1: { QDBusPendingReply<> _r = _t->Activate();
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<>*>(_a[0]) = std::move(_r); }  break;
        case 2: { QDBusPendingReply<> _r = _t->AddInputMethodGroup((*reinterpret_cast< std::add_pointer_t<QString>>(_a[1])));
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<>*>(_a[0]) = std::move(_r); }  break;
        case 3: { QDBusPendingReply<QString> _r = _t->AddonForIM((*reinterpret_cast< std::add_pointer_t<QString>>(_a[1])));
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<QString>*>(_a[0]) = std::move(_r); }  break;
        case 4: { QDBusPendingReply<FcitxQtInputMethodEntryList> _r = _t->AvailableInputMethods();
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<FcitxQtInputMethodEntryList>*>(_a[0]) = std::move(_r); }  break;
        case 5: { QDBusPendingReply<FcitxQtLayoutInfoList> _r = _t->AvailableKeyboardLayouts();
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<FcitxQtLayoutInfoList>*>(_a[0]) = std::move(_r); }  break;
        case 6: { QDBusPendingReply<bool> _r = _t->CanRestart();
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<bool>*>(_a[0]) = std::move(_r); }  break;
        case 7: { QDBusPendingReply<bool> _r = _t->CheckUpdate();
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<bool>*>(_a[0]) = std::move(_r); }  break;
        case 8: { QDBusPendingReply<> _r = _t->Configure();
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<>*>(_a[0]) = std::move(_r); }  break;
        case 9: { QDBusPendingReply<> _r = _t->ConfigureAddon((*reinterpret_cast< std::add_pointer_t<QString>>(_a[1])));
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<>*>(_a[0]) = std::move(_r); }  break;
        case 10: { QDBusPendingReply<> _r = _t->ConfigureIM((*reinterpret_cast< std::add_pointer_t<QString>>(_a[1])));
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<>*>(_a[0]) = std::move(_r); }  break;
        case 11: { QDBusPendingReply<QString> _r = _t->CurrentInputMethod();
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<QString>*>(_a[0]) = std::move(_r); }  break;
        case 12: { QDBusPendingReply<QString> _r = _t->CurrentUI();
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<QString>*>(_a[0]) = std::move(_r); }  break;
        case 13: { QDBusPendingReply<> _r = _t->Exit();
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<>*>(_a[0]) = std::move(_r); }  break;
        case 14: { QDBusPendingReply<QString,QString,QString,QVariantMap,FcitxQtFullInputMethodEntryList> _r = _t->FullInputMethodGroupInfo((*reinterpret_cast< std::add_pointer_t<QString>>(_a[1])));
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<QString,QString,QString,QVariantMap,FcitxQtFullInputMethodEntryList>*>(_a[0]) = std::move(_r); }  break;
        case 15: { QDBusReply<QString> _r = _t->FullInputMethodGroupInfo((*reinterpret_cast< std::add_pointer_t<QString>>(_a[1])),(*reinterpret_cast< std::add_pointer_t<QString&>>(_a[2])),(*reinterpret_cast< std::add_pointer_t<QString&>>(_a[3])),(*reinterpret_cast< std::add_pointer_t<QVariantMap&>>(_a[4])),(*reinterpret_cast< std::add_pointer_t<FcitxQtFullInputMethodEntryList&>>(_a[5])));
            if (_a[0]) *reinterpret_cast< QDBusReply<QString>*>(_a[0]) = std::move(_r); }  break;
        case 16: { QDBusPendingReply<FcitxQtAddonInfoList> _r = _t->GetAddons();
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<FcitxQtAddonInfoList>*>(_a[0]) = std::move(_r); }  break;
        case 17: { QDBusPendingReply<FcitxQtAddonInfoV2List> _r = _t->GetAddonsV2();
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<FcitxQtAddonInfoV2List>*>(_a[0]) = std::move(_r); }  break;
        case 18: { QDBusPendingReply<QDBusVariant,FcitxQtConfigTypeList> _r = _t->GetConfig((*reinterpret_cast< std::add_pointer_t<QString>>(_a[1])));
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<QDBusVariant,FcitxQtConfigTypeList>*>(_a[0]) = std::move(_r); }  break;
        case 19: { QDBusReply<QDBusVariant> _r = _t->GetConfig((*reinterpret_cast< std::add_pointer_t<QString>>(_a[1])),(*reinterpret_cast< std::add_pointer_t<FcitxQtConfigTypeList&>>(_a[2])));
            if (_a[0]) *reinterpret_cast< QDBusReply<QDBusVariant>*>(_a[0]) = std::move(_r); }  break;
        case 20: { QDBusPendingReply<QString,FcitxQtStringKeyValueList> _r = _t->InputMethodGroupInfo((*reinterpret_cast< std::add_pointer_t<QString>>(_a[1])));
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<QString,FcitxQtStringKeyValueList>*>(_a[0]) = std::move(_r); }  break;
        case 21: { QDBusReply<QString> _r = _t->InputMethodGroupInfo((*reinterpret_cast< std::add_pointer_t<QString>>(_a[1])),(*reinterpret_cast< std::add_pointer_t<FcitxQtStringKeyValueList&>>(_a[2])));
            if (_a[0]) *reinterpret_cast< QDBusReply<QString>*>(_a[0]) = std::move(_r); }  break;
        case 22: { QDBusPendingReply<QStringList> _r = _t->InputMethodGroups();
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<QStringList>*>(_a[0]) = std::move(_r); }  break;
        case 23: { QDBusPendingReply<> _r = _t->Refresh();
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<>*>(_a[0]) = std::move(_r); }  break;
        case 24: { QDBusPendingReply<> _r = _t->ReloadAddonConfig((*reinterpret_cast< std::add_pointer_t<QString>>(_a[1])));
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<>*>(_a[0]) = std::move(_r); }  break;
        case 25: { QDBusPendingReply<> _r = _t->ReloadConfig();
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<>*>(_a[0]) = std::move(_r); }  break;
        case 26: { QDBusPendingReply<> _r = _t->RemoveInputMethodGroup((*reinterpret_cast< std::add_pointer_t<QString>>(_a[1])));
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<>*>(_a[0]) = std::move(_r); }  break;
        case 27: { QDBusPendingReply<> _r = _t->ResetIMList();
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<>*>(_a[0]) = std::move(_r); }  break;
        case 28: { QDBusPendingReply<> _r = _t->Restart();
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<>*>(_a[0]) = std::move(_r); }  break;
        case 29: { QDBusPendingReply<> _r = _t->SetAddonsState((*reinterpret_cast< std::add_pointer_t<FcitxQtAddonStateList>>(_a[1])));
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<>*>(_a[0]) = std::move(_r); }  break;
        case 30: { QDBusPendingReply<> _r = _t->SetConfig((*reinterpret_cast< std::add_pointer_t<QString>>(_a[1])),(*reinterpret_cast< std::add_pointer_t<QDBusVariant>>(_a[2])));
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<>*>(_a[0]) = std::move(_r); }  break;
        case 31: { QDBusPendingReply<> _r = _t->SetCurrentIM((*reinterpret_cast< std::add_pointer_t<QString>>(_a[1])));
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<>*>(_a[0]) = std::move(_r); }  break;
        case 32: { QDBusPendingReply<> _r = _t->SetInputMethodGroupInfo((*reinterpret_cast< std::add_pointer_t<QString>>(_a[1])),(*reinterpret_cast< std::add_pointer_t<QString>>(_a[2])),(*reinterpret_cast< std::add_pointer_t<FcitxQtStringKeyValueList>>(_a[3])));
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<>*>(_a[0]) = std::move(_r); }  break;
        case 33: { QDBusPendingReply<int> _r = _t->State();
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<int>*>(_a[0]) = std::move(_r); }  break;
        case 34: { QDBusPendingReply<> _r = _t->Toggle();
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<>*>(_a[0]) = std::move(_r); }  break;
        default: ;
        }
    } else if (_c == QMetaObject::RegisterMethodArgumentMetaType) {
        switch (_id) {
        default: *reinterpret_cast<QMetaType *>(_a[0]) = QMetaType(); break;
        case 30:
            switch (*reinterpret_cast<int*>(_a[1])) {
            default: *reinterpret_cast<QMetaType *>(_a[0]) = QMetaType(); break;
            case 1:
                *reinterpret_cast<QMetaType *>(_a[0]) = QMetaType::fromType< QDBusVariant >(); break;
            }
            break;
        }
    } else if (_c == QMetaObject::IndexOfMethod) {
        int *result = reinterpret_cast<int *>(_a[0]);
        {
            using _t = void (FcitxQtControllerProxy::*)();
            if (_t _q_method = &FcitxQtControllerProxy::InputMethodGroupsChanged; *reinterpret_cast<_t *>(_a[1]) == _q_method) {
                *result = 0;
                return;
            }
        }
    }
}

const QMetaObject *fcitx::FcitxQtControllerProxy::metaObject() const
{
    return QObject::d_ptr->metaObject ? QObject::d_ptr->dynamicMetaObject() : &staticMetaObject;
}

void *fcitx::FcitxQtControllerProxy::qt_metacast(const char *_clname)
{
    if (!_clname) return nullptr;
    if (!strcmp(_clname, qt_meta_stringdata_fcitx__FcitxQtControllerProxy.stringdata0))
        return static_cast<void*>(this);
    return QDBusAbstractInterface::qt_metacast(_clname);
}

int fcitx::FcitxQtControllerProxy::qt_metacall(QMetaObject::Call _c, int _id, void **_a)
{
    _id = QDBusAbstractInterface::qt_metacall(_c, _id, _a);
    if (_id < 0)
        return _id;
    if (_c == QMetaObject::InvokeMetaMethod) {
        if (_id < 35)
            qt_static_metacall(this, _c, _id, _a);
        _id -= 35;
    } else if (_c == QMetaObject::RegisterMethodArgumentMetaType) {
        if (_id < 35)
            qt_static_metacall(this, _c, _id, _a);
        _id -= 35;
    }
    return _id;
}

// SIGNAL 0
void fcitx::FcitxQtControllerProxy::InputMethodGroupsChanged()
{
    QMetaObject::activate(this, &staticMetaObject, 0, nullptr);
}
QT_WARNING_POP
QT_END_MOC_NAMESPACE
