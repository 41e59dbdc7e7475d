/****************************************************************************
** Meta object code from reading C++ file 'fcitxcandidatewindow.h'
**
** Created by: The Qt Meta Object Compiler version 68 (Qt 6.4.2)
**
** WARNING! All changes made in this file will be lost!
*****************************************************************************/

#include <memory>
#include "fcitxcandidatewindow.h"
#include <QtGui/qtextcursor.h>
#include <QtCore/qmetatype.h>
#if !defined(Q_MOC_OUTPUT_REVISION)
#error "The header file 'fcitxcandidatewindow.h' doesn't include <QObject>."
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
struct qt_meta_stringdata_fcitx__FcitxCandidateWindow_t {
    uint offsetsAndSizes[38];
    char stringdata0[28];
    char stringdata1[18];
    char stringdata2[1];
    char stringdata3[2];
    char stringdata4[12];
    char stringdata5[12];
    char stringdata6[19];
    char stringdata7[28];
    char stringdata8[8];
    char stringdata9[10];
    char stringdata10[6];
    char stringdata11[8];
    char stringdata12[26];
    char stringdata13[11];
    char stringdata14[15];
    char stringdata15[11];
    char stringdata16[8];
    char stringdata17[8];
    char stringdata18[9];
};
#define QT_MOC_LITERAL(ofs, len) \
    uint(sizeof(qt_meta_stringdata_fcitx__FcitxCandidateWindow_t::offsetsAndSizes) + ofs), len 
Q_CONSTINIT static const qt_meta_stringdata_fcitx__FcitxCandidateWindow_t qt_meta_stringdata_fcitx__FcitxCandidateWindow = {
    {
        QT_MOC_LITERAL(0, 27),  // "fcitx::FcitxCandidateWindow"
        QT_MOC_LITERAL(28, 17),  // "candidateSelected"
        QT_MOC_LITERAL(46, 0),  // ""
        QT_MOC_LITERAL(47, 1),  // "i"
        QT_MOC_LITERAL(49, 11),  // "prevClicked"
        QT_MOC_LITERAL(61, 11),  // "nextClicked"
        QT_MOC_LITERAL(73, 18),  // "updateClientSideUI"
        QT_MOC_LITERAL(92, 27),  // "FcitxQtFormattedPreeditList"
        QT_MOC_LITERAL(120, 7),  // "preedit"
        QT_MOC_LITERAL(128, 9),  // "cursorpos"
        QT_MOC_LITERAL(138, 5),  // "auxUp"
        QT_MOC_LITERAL(144, 7),  // "auxDown"
        QT_MOC_LITERAL(152, 25),  // "FcitxQtStringKeyValueList"
        QT_MOC_LITERAL(178, 10),  // "candidates"
        QT_MOC_LITERAL(189, 14),  // "candidateIndex"
        QT_MOC_LITERAL(204, 10),  // "layoutHint"
        QT_MOC_LITERAL(215, 7),  // "hasPrev"
        QT_MOC_LITERAL(223, 7),  // "hasNext"
        QT_MOC_LITERAL(231, 8)   // "sizeHint"
    },
    "fcitx::FcitxCandidateWindow",
    "candidateSelected",
    "",
    "i",
    "prevClicked",
    "nextClicked",
    "updateClientSideUI",
    "FcitxQtFormattedPreeditList",
    "preedit",
    "cursorpos",
    "auxUp",
    "auxDown",
    "FcitxQtStringKeyValueList",
    "candidates",
    "candidateIndex",
    "layoutHint",
    "hasPrev",
    "hasNext",
    "sizeHint"
};
#undef QT_MOC_LITERAL
} // unnamed namespace

Q_CONSTINIT static const uint qt_meta_data_fcitx__FcitxCandidateWindow[] = {

 // content:
      10,       // revision
       0,       // classname
       0,    0, // classinfo
       5,   14, // methods
       0,    0, // properties
       0,    0, // enums/sets
       0,    0, // constructors
       0,       // flags
       3,       // signalCount

 // signals: name, argc, parameters, tag, flags, initial metatype offsets
       1,    1,   44,    2, 0x06,    1 /* Public */,
       4,    0,   47,    2, 0x06,    3 /* Public */,
       5,    0,   48,    2, 0x06,    4 /* Public */,

 // slots: name, argc, parameters, tag, flags, initial metatype offsets
       6,    9,   49,    2, 0x0a,    5 /* Public */,
      18,    0,   68,    2, 0x0a,   15 /* Public */,

 // signals: parameters
    QMetaType::Void, QMetaType::Int,    3,
    QMetaType::Void,
    QMetaType::Void,

 // slots: parameters
    QMetaType::Void, 0x80000000 | 7, QMetaType::Int, 0x80000000 | 7, 0x80000000 | 7, 0x80000000 | 12, QMetaType::Int, QMetaType::Int, QMetaType::Bool, QMetaType::Bool,    8,    9,   10,   11,   13,   14,   15,   16,   17,
    QMetaType::QSize,

       0        // eod
};

Q_CONSTINIT const QMetaObject fcitx::FcitxCandidateWindow::staticMetaObject = { {
    QMetaObject::SuperData::link<QRasterWindow::staticMetaObject>(),
    qt_meta_stringdata_fcitx__FcitxCandidateWindow.offsetsAndSizes,
    qt_meta_data_fcitx__FcitxCandidateWindow,
    qt_static_metacall,
    nullptr,
    qt_incomplete_metaTypeArray<qt_meta_stringdata_fcitx__FcitxCandidateWindow_t,
        // Q_OBJECT / Q_GADGET
        QtPrivate::TypeAndForceComplete<FcitxCandidateWindow, std::true_type>,
        // method 'candidateSelected'
        QtPrivate::TypeAndForceComplete<void, std::false_type>,
        QtPrivate::TypeAndForceComplete<int, std::false_type>,
        // method 'prevClicked'
        QtPrivate::TypeAndForceComplete<void, std::false_type>,
        // method 'nextClicked'
        QtPrivate::TypeAndForceComplete<void, std::false_type>,
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
        // method 'sizeHint'
        QtPrivate::TypeAndForceComplete<QSize, std::false_type>
    >,
    nullptr
} };

void fcitx::FcitxCandidateWindow::qt_static_metacall(QObject *_o, QMetaObject::Call _c, int _id, void **_a)
{
    if (_c == QMetaObject::InvokeMetaMethod) {
        auto *_t = static_cast<FcitxCandidateWindow *>(_o);
        (void)_t;
        switch (_id) {
        case 0: _t->candidateSelected((*reinterpret_cast< std::add_pointer_t<int>>(_a[1]))); break;
        case 1: _t->prevClicked(); break;
        case 2: _t->nextClicked(); break;
        case 3: _t->updateClientSideUI((*reinterpret_cast< std::add_pointer_t<FcitxQtFormattedPreeditList>>(_a[1])),(*reinterpret_cast< std::add_pointer_t<int>>(_a[2])),(*reinterpret_cast< std::add_pointer_t<FcitxQtFormattedPreeditList>>(_a[3])),(*reinterpret_cast< std::add_pointer_t<FcitxQtFormattedPreeditList>>(_a[4])),(*reinterpret_cast< std::add_pointer_t<FcitxQtStringKeyValueList>>(_a[5])),(*reinterpret_cast< std::add_pointer_t<int>>(_a[6])),(*reinterpret_cast< std::add_pointer_t<int>>(_a[7])),(*reinterpret_cast< std::add_pointer_t<bool>>(_a[8])),(*reinterpret_cast< std::add_pointer_t<bool>>(_a[9]))); break;
        case 4: { QSize _r = _t->sizeHint();
            if (_a[0]) *reinterpret_cast< QSize*>(_a[0]) = std::move(_r); }  break;
        default: ;
        }
    } else if (_c == QMetaObject::IndexOfMethod) {
        int *result = reinterpret_cast<int *>(_a[0]);
        {
            using _t = void (FcitxCandidateWindow::*)(int );
            if (_t _q_method = &FcitxCandidateWindow::candidateSelected; *reinterpret_cast<_t *>(_a[1]) == _q_method) {
                *result = 0;
                return;
            }
        }
        {
            using _t = void (FcitxCandidateWindow::*)();
            if (_t _q_method = &FcitxCandidateWindow::prevClicked; *reinterpret_cast<_t *>(_a[1]) == _q_method) {
                *result = 1;
                return;
            }
        }
        {
            using _t = void (FcitxCandidateWindow::*)();
            if (_t _q_method = &FcitxCandidateWindow::nextClicked; *reinterpret_cast<_t *>(_a[1]) == _q_method) {
                *result = 2;
                return;
            }
        }
    }
}

const QMetaObject *fcitx::FcitxCandidateWindow::metaObject() const
{
    return QObject::d_ptr->metaObject ? QObject::d_ptr->dynamicMetaObject() : &staticMetaObject;
}

void *fcitx::FcitxCandidateWindow::qt_metacast(const char *_clname)
{
    if (!_clname) return nullptr;
    if (!strcmp(_clname, qt_meta_stringdata_fcitx__FcitxCandidateWindow.stringdata0))
        return static_cast<void*>(this);
    return QRasterWindow::qt_metacast(_clname);
}

int fcitx::FcitxCandidateWindow::qt_metacall(QMetaObject::Call _c, int _id, void **_a)
{
    _id = QRasterWindow::qt_metacall(_c, _id, _a);
    if (_id < 0)
        return _id;
    if (_c == QMetaObject::InvokeMetaMethod) {
        if (_id < 5)
            qt_static_metacall(this, _c, _id, _a);
        _id -= 5;
    } else if (_c == QMetaObject::RegisterMethodArgumentMetaType) {
        if (_id < 5)
            *reinterpret_cast<QMetaType *>(_a[0]) = QMetaType();
        _id -= 5;
    }
    return _id;
}

// SIGNAL 0
void fcitx::FcitxCandidateWindow::candidateSelected(int _t1)
{
    void *_a[] = { nullptr, const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t1))) };
    QMetaObject::activate(this, &staticMetaObject, 0, _a);
}

// SIGNAL 1
void fcitx::FcitxCandidateWindow::prevClicked()
{
    QMetaObject::activate(this, &staticMetaObject, 1, nullptr);
}

// SIGNAL 2
void fcitx::FcitxCandidateWindow::nextClicked()
{
    QMetaObject::activate(this, &staticMetaObject, 2, nullptr);
}
QT_WARNING_POP
QT_END_MOC_NAMESPACE
