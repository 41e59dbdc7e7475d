/****************************************************************************
** Meta object code from reading C++ file 'hybridinputcontext.h'
**
** Created by: The Qt Meta Object Compiler version 68 (Qt 6.4.2)
**
** WARNING! All changes made in this file will be lost!
*****************************************************************************/

#include <memory>
#include "hybridinputcontext.h"
#include <QtCore/qmetatype.h>
#if !defined(Q_MOC_OUTPUT_REVISION)
#error "The header file 'hybridinputcontext.h' doesn't include <QObject>."
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
struct qt_meta_stringdata_fcitx__HybridInputContext_t {
    uint offsetsAndSizes[74];
    char stringdata0[26];
    char stringdata1[13];
    char stringdata2[1];
    char stringdata3[4];
    char stringdata4[10];
    char stringdata5[5];
    char stringdata6[11];
    char stringdata7[9];
    char stringdata8[22];
    char stringdata9[7];
    char stringdata10[6];
    char stringdata11[11];
    char stringdata12[7];
    char stringdata13[6];
    char stringdata14[10];
    char stringdata15[23];
    char stringdata16[28];
    char stringdata17[10];
    char stringdata18[19];
    char stringdata19[8];
    char stringdata20[6];
    char stringdata21[8];
    char stringdata22[26];
    char stringdata23[11];
    char stringdata24[15];
    char stringdata25[11];
    char stringdata26[8];
    char stringdata27[8];
    char stringdata28[20];
    char stringdata29[5];
    char stringdata30[15];
    char stringdata31[33];
    char stringdata32[8];
    char stringdata33[8];
    char stringdata34[10];
    char stringdata35[11];
    char stringdata36[27];
};
#define QT_MOC_LITERAL(ofs, len) \
    uint(sizeof(qt_meta_stringdata_fcitx__HybridInputContext_t::offsetsAndSizes) + ofs), len 
Q_CONSTINIT static const qt_meta_stringdata_fcitx__HybridInputContext_t qt_meta_stringdata_fcitx__HybridInputContext = {
    {
        QT_MOC_LITERAL(0, 25),  // "fcitx::HybridInputContext"
        QT_MOC_LITERAL(26, 12),  // "commitString"
        QT_MOC_LITERAL(39, 0),  // ""
        QT_MOC_LITERAL(40, 3),  // "str"
        QT_MOC_LITERAL(44, 9),  // "currentIM"
        QT_MOC_LITERAL(54, 4),  // "name"
        QT_MOC_LITERAL(59, 10),  // "uniqueName"
        QT_MOC_LITERAL(70, 8),  // "langCode"
        QT_MOC_LITERAL(79, 21),  // "deleteSurroundingText"
        QT_MOC_LITERAL(101, 6),  // "offset"
        QT_MOC_LITERAL(108, 5),  // "nchar"
        QT_MOC_LITERAL(114, 10),  // "forwardKey"
        QT_MOC_LITERAL(125, 6),  // "keyval"
        QT_MOC_LITERAL(132, 5),  // "state"
        QT_MOC_LITERAL(138, 9),  // "isRelease"
        QT_MOC_LITERAL(148, 22),  // "updateFormattedPreedit"
        QT_MOC_LITERAL(171, 27),  // "FcitxQtFormattedPreeditList"
        QT_MOC_LITERAL(199, 9),  // "cursorpos"
        QT_MOC_LITERAL(209, 18),  // "updateClientSideUI"
        QT_MOC_LITERAL(228, 7),  // "preedit"
        QT_MOC_LITERAL(236, 5),  // "auxUp"
        QT_MOC_LITERAL(242, 7),  // "auxDown"
        QT_MOC_LITERAL(250, 25),  // "FcitxQtStringKeyValueList"
        QT_MOC_LITERAL(276, 10),  // "candidates"
        QT_MOC_LITERAL(287, 14),  // "candidateIndex"
        QT_MOC_LITERAL(302, 10),  // "layoutHint"
        QT_MOC_LITERAL(313, 7),  // "hasPrev"
        QT_MOC_LITERAL(321, 7),  // "hasNext"
        QT_MOC_LITERAL(329, 19),  // "inputContextCreated"
        QT_MOC_LITERAL(349, 4),  // "uuid"
        QT_MOC_LITERAL(354, 14),  // "notifyFocusOut"
        QT_MOC_LITERAL(369, 32),  // "virtualKeyboardVisibilityChanged"
        QT_MOC_LITERAL(402, 7),  // "visible"
        QT_MOC_LITERAL(410, 7),  // "recheck"
        QT_MOC_LITERAL(418, 9),  // "doRecheck"
        QT_MOC_LITERAL(428, 10),  // "skipFcitx5"
        QT_MOC_LITERAL(439, 26)   // "inputContextCreationFailed"
    },
    "fcitx::HybridInputContext",
    "commitString",
    "",
    "str",
    "currentIM",
    "name",
    "uniqueName",
    "langCode",
    "deleteSurroundingText",
    "offset",
    "nchar",
    "forwardKey",
    "keyval",
    "state",
    "isRelease",
    "updateFormattedPreedit",
    "FcitxQtFormattedPreeditList",
    "cursorpos",
    "updateClientSideUI",
    "preedit",
    "auxUp",
    "auxDown",
    "FcitxQtStringKeyValueList",
    "candidates",
    "candidateIndex",
    "layoutHint",
    "hasPrev",
    "hasNext",
    "inputContextCreated",
    "uuid",
    "notifyFocusOut",
    "virtualKeyboardVisibilityChanged",
    "visible",
    "recheck",
    "doRecheck",
    "skipFcitx5",
    "inputContextCreationFailed"
};
#undef QT_MOC_LITERAL
} // unnamed namespace

Q_CONSTINIT static const uint qt_meta_data_fcitx__HybridInputContext[] = {

 // content:
      10,       // revision
       0,       // classname
       0,    0, // classinfo
      12,   14, // methods
       0,    0, // properties
       0,    0, // enums/sets
       0,    0, // constructors
       0,       // flags
       9,       // signalCount

 // signals: name, argc, parameters, tag, flags, initial metatype offsets
       1,    1,   86,    2, 0x06,    1 /* Public */,
       4,    3,   89,    2, 0x06,    3 /* Public */,
       8,    2,   96,    2, 0x06,    7 /* Public */,
      11,    3,  101,    2, 0x06,   10 /* Public */,
      15,    2,  108,    2, 0x06,   14 /* Public */,
      18,    9,  113,    2, 0x06,   17 /* Public */,
      28,    1,  132,    2, 0x06,   27 /* Public */,
      30,    0,  135,    2, 0x06,   29 /* Public */,
      31,    1,  136,    2, 0x06,   30 /* Public */,

 // slots: name, argc, parameters, tag, flags, initial metatype offsets
      33,    0,  139,    2, 0x08,   32 /* Private */,
      34,    1,  140,    2, 0x08,   33 /* Private */,
      36,    0,  143,    2, 0x08,   35 /* Private */,

 // signals: parameters
    QMetaType::Void, QMetaType::QString,    3,
    QMetaType::Void, QMetaType::QString, QMetaType::QString, QMetaType::QString,    5,    6,    7,
    QMetaType::Void, QMetaType::Int, QMetaType::UInt,    9,   10,
    QMetaType::Void, QMetaType::UInt, QMetaType::UInt, QMetaType::Bool,   12,   13,   14,
    QMetaType::Void, 0x80000000 | 16, QMetaType::Int,    3,   17,
    QMetaType::Void, 0x80000000 | 16, QMetaType::Int, 0x80000000 | 16, 0x80000000 | 16, 0x80000000 | 22, QMetaType::Int, QMetaType::Int, QMetaType::Bool, QMetaType::Bool,   19,   17,   20,   21,   23,   24,   25,   26,   27,
    QMetaType::Void, QMetaType::QByteArray,   29,
    QMetaType::Void,
    QMetaType::Void, QMetaType::Bool,   32,

 // slots: parameters
    QMetaType::Void,
    QMetaType::Void, QMetaType::Bool,   35,
    QMetaType::Void,

       0        // eod
};

Q_CONSTINIT const QMetaObject fcitx::HybridInputContext::staticMetaObject = { {
    QMetaObject::SuperData::link<QObject::staticMetaObject>(),
    qt_meta_stringdata_fcitx__HybridInputContext.offsetsAndSizes,
    qt_meta_data_fcitx__HybridInputContext,
    qt_static_metacall,
    nullptr,
    qt_incomplete_metaTypeArray<qt_meta_stringdata_fcitx__HybridInputContext_t,
        // Q_OBJECT / Q_GADGET
        QtPrivate::TypeAndForceComplete<HybridInputContext, std::true_type>,
        // method 'commitString'
        QtPrivate::TypeAndForceComplete<void, std::false_type>,
        QtPrivate::TypeAndForceComplete<const QString &, std::false_type>,
        // method 'currentIM'
        QtPrivate::TypeAndForceComplete<void, std::false_type>,
        QtPrivate::TypeAndForceComplete<const QString &, std::false_type>,
        QtPrivate::TypeAndForceComplete<const QString &, std::false_type>,
        QtPrivate::TypeAndForceComplete<const QString &, std::false_type>,
        // method 'deleteSurroundingText'
        QtPrivate::TypeAndForceComplete<void, std::false_type>,
        QtPrivate::TypeAndForceComplete<int, std::false_type>,
        QtPrivate::TypeAndForceComplete<unsigned int, std::false_type>,
        // method 'forwardKey'
        QtPrivate::TypeAndForceComplete<void, std::false_type>,
        QtPrivate::TypeAndForceComplete<unsigned int, std::false_type>,
        QtPrivate::TypeAndForceComplete<unsigned int, std::false_type>,
        QtPrivate::TypeAndForceComplete<bool, std::false_type>,
        // method 'updateFormattedPreedit'
        QtPrivate::TypeAndForceComplete<void, std::false_type>,
        QtPrivate::TypeAndForceComplete<const FcitxQtFormattedPreeditList &, std::false_type>,
        QtPrivate::TypeAndForceComplete<int, std::false_type>,
        // method 'updateClientSideUI'
        QtPrivate::TypeAndForceComplete<void, std::false_type>,
        QtPrivate::TypeAndForceComplete<const FcitxQtFormattedPreeditList &, std::false_type>,
        QtPrivate::TypeAndForceComplete<int, std::false_type>,
        QtPrivate::TypeAndForceComplete<const FcitxQtFormattedPreeditList &, std::false_type>,
        QtPrivate::TypeAndForceComplete<const FcitxQtFormattedPreeditList &, std::false_type>,
        QtPrivate::TypeAndForceComplete<const FcitxQtStringKeyValueList &, std::false_type>,
        QtPrivate::TypeAndForceComplete<int, std::false_type>,
        QtPrivate::TypeAndForceComplete<int, std::false_type>,
        QtPrivate::TypeAndForceComplete<bool, std::false_type>,
        QtPrivate::TypeAndForceComplete<bool, std::false_type>,
        // method 'inputContextCreated'
        QtPrivate::TypeAndForceComplete<void, std::false_type>,
        QtPrivate::TypeAndForceComplete<const QByteArray &, std::false_type>,
        // method 'notifyFocusOut'
        QtPrivate::TypeAndForceComplete<void, std::false_type>,
        // method 'virtualKeyboardVisibilityChanged'
        QtPrivate::TypeAndForceComplete<void, std::false_type>,
        QtPrivate::TypeAndForceComplete<bool, std::false_type>,
        // method 'recheck'
        QtPrivate::TypeAndForceComplete<void, std::false_type>,
        // method 'doRecheck'
        QtPrivate::TypeAndForceComplete<void, std::false_type>,
        QtPrivate::TypeAndForceComplete<bool, std::false_type>,
        // method 'inputContextCreationFailed'
        QtPrivate::TypeAndForceComplete<void, std::false_type>
    >,
    nullptr
} };

void fcitx::HybridInputContext::qt_static_metacall(QObject *_o, QMetaObject::Call _c, int _id, void **_a)
{
    if (_c == QMetaObject::InvokeMetaMethod) {
        auto *_t = static_cast<HybridInputContext *>(_o);
        (void)_t;
        switch (_id) {
        case 0: _t->commitString((*reinterpret_cast< std::add_pointer_t<QString>>(_a[1]))); break;
        case 1: _t->currentIM((*reinterpret_cast< std::add_pointer_t<QString>>(_a[1])),(*reinterpret_cast< std::add_pointer_t<QString>>(_a[2])),(*reinterpret_cast< std::add_pointer_t<QString>>(_a[3]))); break;
        case 2: _t->deleteSurroundingText((*reinterpret_cast< std::add_pointer_t<int>>(_a[1])),(*reinterpret_cast< std::add_pointer_t<uint>>(_a[2]))); break;
        case 3: _t->forwardKey((*reinterpret_cast< std::add_pointer_t<uint>>(_a[1])),(*reinterpret_cast< std::add_pointer_t<uint>>(_a[2])),(*reinterpret_cast< std::add_pointer_t<bool>>(_a[3]))); break;
        case 4: _t->updateFormattedPreedit((*reinterpret_cast< std::add_pointer_t<FcitxQtFormattedPreeditList>>(_a[1])),(*reinterpret_cast< std::add_pointer_t<int>>(_a[2]))); break;
        case 5: _t->updateClientSideUI((*reinterpret_cast< std::add_pointer_t<FcitxQtFormattedPreeditList>>(_a[1])),(*reinterpret_cast< std::add_pointer_t<int>>(_a[2])),(*reinterpret_cast< std::add_pointer_t<FcitxQtFormattedPreeditList>>(_a[3])),(*reinterpret_cast< std::add_pointer_t<FcitxQtFormattedPreeditList>>(_a[4])),(*reinterpret_cast< std::add_pointer_t<FcitxQtStringKeyValueList>>(_a[5])),(*reinterpret_cast< std::add_pointer_t<int>>(_a[6])),(*reinterpret_cast< std::add_pointer_t<int>>(_a[7])),(*reinterpret_cast< std::add_pointer_t<bool>>(_a[8])),(*reinterpret_cast< std::add_pointer_t<bool>>(_a[9]))); break;
        case 6: _t->inputContextCreated((*reinterpret_cast< std::add_pointer_t<QByteArray>>(_a[1]))); break;
        case 7: _t->notifyFocusOut(); break;
        case 8: _t->virtualKeyboardVisibilityChanged((*reinterpret_cast< std::add_pointer_t<bool>>(_a[1]))); break;
        case 9: _t->recheck(); break;
        case 10: _t->doRecheck((*reinterpret_cast< std::add_pointer_t<bool>>(_a[1]))); break;
        case 11: _t->inputContextCreationFailed(); break;
        default: ;
        }
    } else if (_c == QMetaObject::IndexOfMethod) {
        int *result = reinterpret_cast<int *>(_a[0]);
        {
            using _t = void (HybridInputContext::*)(const QString & );
            if (_t _q_method = &HybridInputContext::commitString; *reinterpret_cast<_t *>(_a[1]) == _q_method) {
                *result = 0;
                return;
            }
        }
        {
            using _t = void (HybridInputContext::*)(const QString & , const QString & , const QString & );
            if (_t _q_method = &HybridInputContext::currentIM; *reinterpret_cast<_t *>(_a[1]) == _q_method) {
                *result = 1;
                return;
            }
        }
        {
            using _t = void (HybridInputContext::*)(int , unsigned int );
            if (_t _q_method = &HybridInputContext::deleteSurroundingText; *reinterpret_cast<_t *>(_a[1]) == _q_method) {
                *result = 2;
                return;
            }
        }
        {
            using _t = void (HybridInputContext::*)(unsigned int , unsigned int , bool );
            if (_t _q_method = &HybridInputContext::forwardKey; *reinterpret_cast<_t *>(_a[1]) == _q_method) {
                *result = 3;
                return;
            }
        }
        {
            using _t = void (HybridInputContext::*)(const FcitxQtFormattedPreeditList & , int );
            if (_t _q_method = &HybridInputContext::updateFormattedPreedit; *reinterpret_cast<_t *>(_a[1]) == _q_method) {
                *result = 4;
                return;
            }
        }
        {
            using _t = void (HybridInputContext::*)(const FcitxQtFormattedPreeditList & , int , const FcitxQtFormattedPreeditList & , const FcitxQtFormattedPreeditList & , const FcitxQtStringKeyValueList & , int , int , bool , bool );
            if (_t _q_method = &HybridInputContext::updateClientSideUI; *reinterpret_cast<_t *>(_a[1]) == _q_method) {
                *result = 5;
                return;
            }
        }
        {
            using _t = void (HybridInputContext::*)(const QByteArray & );
            if (_t _q_method = &HybridInputContext::inputContextCreated; *reinterpret_cast<_t *>(_a[1]) == _q_method) {
                *result = 6;
                return;
            }
        }
        {
            using _t = void (HybridInputContext::*)();
            if (_t _q_method = &HybridInputContext::notifyFocusOut; *reinterpret_cast<_t *>(_a[1]) == _q_method) {
                *result = 7;
                return;
            }
        }
        {
            using _t = void (HybridInputContext::*)(bool );
            if (_t _q_method = &HybridInputContext::virtualKeyboardVisibilityChanged; *reinterpret_cast<_t *>(_a[1]) == _q_method) {
                *result = 8;
                return;
            }
        }
    }
}

const QMetaObject *fcitx::HybridInputContext::metaObject() const
{
    return QObject::d_ptr->metaObject ? QObject::d_ptr->dynamicMetaObject() : &staticMetaObject;
}

void *fcitx::HybridInputContext::qt_metacast(const char *_clname)
{
    if (!_clname) return nullptr;
    if (!strcmp(_clname, qt_meta_stringdata_fcitx__HybridInputContext.stringdata0))
        return static_cast<void*>(this);
    return QObject::qt_metacast(_clname);
}

int fcitx::HybridInputContext::qt_metacall(QMetaObject::Call _c, int _id, void **_a)
{
    _id = QObject::qt_metacall(_c, _id, _a);
    if (_id < 0)
        return _id;
    if (_c == QMetaObject::InvokeMetaMethod) {
        if (_id < 12)
            qt_static_metacall(this, _c, _id, _a);
        _id -= 12;
    } else if (_c == QMetaObject::RegisterMethodArgumentMetaType) {
        if (_id < 12)
            *reinterpret_cast<QMetaType *>(_a[0]) = QMetaType();
        _id -= 12;
    }
    return _id;
}

// SIGNAL 0
void fcitx::HybridInputContext::commitString(const QString & _t1)
{
    void *_a[] = { nullptr, const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t1))) };
    QMetaObject::activate(this, &staticMetaObject, 0, _a);
}

// SIGNAL 1
void fcitx::HybridInputContext::currentIM(const QString & _t1, const QString & _t2, const QString & _t3)
{
    void *_a[] = { nullptr, const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t1))), const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t2))), const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t3))) };
    QMetaObject::activate(this, &staticMetaObject, 1, _a);
}

// SIGNAL 2
void fcitx::HybridInputContext::deleteSurroundingText(int _t1, unsigned int _t2)
{
    void *_a[] = { nullptr, const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t1))), const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t2))) };
    QMetaObject::activate(this, &staticMetaObject, 2, _a);
}

// SIGNAL 3
void fcitx::HybridInputContext::forwardKey(unsigned int _t1, unsigned int _t2, bool _t3)
{
    void *_a[] = { nullptr, const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t1))), const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t2))), const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t3))) };
    QMetaObject::activate(this, &staticMetaObject, 3, _a);
}

// SIGNAL 4
void fcitx::HybridInputContext::updateFormattedPreedit(const FcitxQtFormattedPreeditList & _t1, int _t2)
{
    void *_a[] = { nullptr, const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t1))), const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t2))) };
    QMetaObject::activate(this, &staticMetaObject, 4, _a);
}

// SIGNAL 5
void fcitx::HybridInputContext::updateClientSideUI(const FcitxQtFormattedPreeditList & _t1, int _t2, const FcitxQtFormattedPreeditList & _t3, const FcitxQtFormattedPreeditList & _t4, const FcitxQtStringKeyValueList & _t5, int _t6, int _t7, bool _t8, bool _t9)
{
    void *_a[] = { nullptr, const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t1))), const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t2))), const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t3))), const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t4))), const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t5))), const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t6))), const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t7))), const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t8))), const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t9))) };
    QMetaObject::activate(this, &staticMetaObject, 5, _a);
}

// SIGNAL 6
void fcitx::HybridInputContext::inputContextCreated(const QByteArray & _t1)
{
    void *_a[] = { nullptr, const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t1))) };
    QMetaObject::activate(this, &staticMetaObject, 6, _a);
}

// SIGNAL 7
void fcitx::HybridInputContext::notifyFocusOut()
{
    QMetaObject::activate(this, &staticMetaObject, 7, nullptr);
}

// SIGNAL 8
void fcitx::HybridInputContext::virtualKeyboardVisibilityChanged(bool _t1)
{
    void *_a[] = { nullptr, const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t1))) };
    QMetaObject::activate(this, &staticMetaObject, 8, _a);
}
QT_WARNING_POP
QT_END_MOC_NAMESPACE
