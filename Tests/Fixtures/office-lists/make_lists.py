#!/usr/bin/env python3
"""Writes officials.csv (the contract's form) again as the lists offices keep ("danh sách trích ngang").

    python3 make_lists.py [OFFICIALS_CSV] [OUT_DIR] [--only-csv]

Defaults: Scenarios/small/officials.csv into this folder. Writes
  communes.csv       the province's communes (Huyện, Xã, Khu vực, Vùng DTTS), as the scenario's `communes:`
  small-list.xlsx    one sheet per commune: the Party committee's and the list's titles, STT, a two-row merged
                     header (Ngày, tháng, năm sinh over Nam / Nữ; Trình độ over its five columns), a row numbering
                     the columns, dates of birth and of Party admission as Excel dates, levels as people write
                     them, Mã cán bộ, no category, area or district, a signature block under the data
  small-list.csv     the whole province in one CSV: title rows, the two-row header without merges, no id column,
                     dates as text (17/06/1970), Xã and Huyện columns, the same spellings, a signature block

The same input gives the same files (openpyxl's creation date is fixed). Birth days and months, and Party
admission dates, are made up from the id: officials.csv holds years only.
"""
import csv
import datetime
import os
import re
import sys
import zipfile

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.styles import Alignment, Border, Font, Side

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))

# Each level as people write it; an official gets one of the spellings, chosen by their number.
SPELLINGS = {
    "education": {
        "none": ["12/12", "THPT"], "elementary": ["Sơ cấp", "Sơ cấp Văn thư"],
        "intermediate": ["TC", "Trung cấp Kế toán", "Trung cấp"], "college": ["CĐ", "Cao đẳng Sư phạm"],
        "university": ["ĐH", "ĐH Luật", "Đại học Kinh tế", "Cử nhân Luật", "Kỹ sư Xây dựng"],
        "postgraduate": ["ThS", "Thạc sĩ Quản lý kinh tế"],
    },
    "political_theory": {
        "none": [""], "elementary": ["Sơ cấp", "SC"],
        "intermediate": ["TC", "Trung cấp LLCT", "Trung cấp LLCT - HC"], "advanced": ["Cử nhân chính trị", "Cao cấp"],
    },
    "state_management": {"none": [""], "specialist": ["CV", "Chuyên viên"], "principal": ["CVC"], "senior": ["CVCC"]},
    "it": {"none": [""], "basic": ["Chuẩn cơ bản", "Ứng dụng CNTT cơ bản", "Tin học B"], "advanced": ["Nâng cao"]},
    "foreign_language": {
        "0": [""], "1": ["A1", "Tiếng Anh A1"], "2": ["A2", "Tiếng Anh A2"], "3": ["Tiếng Anh B1", "B1"],
        "4": ["B2"], "5": ["C1"], "6": ["C2"],
    },
    "ethnic_language": {"none": [""], "studied": ["Tiếng {} (đã học)"], "fluent": ["Tiếng {} (thành thạo)"]},
    "yes_no": {"yes": ["x"], "no": [""]},
}
LANGUAGE = {"Hrê": "Hrê", "Cor": "Cor", "Ca Dong": "Ca Dong", "Xơ Đăng": "Xơ Đăng"}

AREA_VI = {"ward": "phường", "town": "thị trấn", "plains": "đồng bằng", "mountain": "miền núi", "island": "hải đảo"}
LEVEL_HEADERS = [("Chuyên môn", "education"), ("Lý luận chính trị", "political_theory"),
                 ("Quản lý nhà nước", "state_management"), ("Tin học", "it"), ("Ngoại ngữ", "foreign_language")]


def number(official):
    return int("".join(ch for ch in official["id"] if ch.isdigit()) or "0")


def spelled(family, value, official):
    table = SPELLINGS["yes_no"] if family in ("mass_org_training", "leadership_update", "party_committee") else SPELLINGS[family]
    choices = table[value]
    text = choices[number(official) % len(choices)]
    if "{}" in text:
        text = text.format(LANGUAGE.get(official["ethnicity"], "Hrê"))
    return text


def spread(official, salt):
    """A number from the id that looks random: nearby ids get unrelated birthdays, as people have."""
    return (number(official) * 2654435761 + salt * 40503) % 2**32


def birth_date(official):
    day = spread(official, 1) % 365
    return datetime.date(int(official["birth_year"]), 1, 1) + datetime.timedelta(days=day)


def party_date(official):
    if official["party_member"] != "yes":
        return None
    h = spread(official, 2)
    return datetime.date(int(official["birth_year"]) + 22 + h % 10, 1, 1) + datetime.timedelta(days=(h >> 8) % 365)


def data_row(official, index, with_id, date_cell):
    """The cells of one official, in the order of HEADER (the caller drops the columns its shape leaves out)."""
    birth = date_cell(birth_date(official))
    male = official["gender"] == "male"
    party = party_date(official)
    row = [index]
    if with_id:
        row.append(official["id"])
    row += [official["full_name"], birth if male else None, None if male else birth, official["ethnicity"],
            official["title"], official["planned_title"] or None, date_cell(party) if party else None,
            spelled("party_committee", official["party_committee"], official) or None]
    row += [spelled(family, official[family], official) or None for _, family in LEVEL_HEADERS]
    row += [spelled("ethnic_language", official["ethnic_language"], official) or None,
            spelled("mass_org_training", official["mass_org_training"], official) or None,
            spelled("leadership_update", official["leadership_update"], official) or None,
            int(official["minority_area_years"]) or None, int(official["leaves_year"]) if official["leaves_year"] else None,
            None]
    return row


# Top header row, with the sub-headers of grouped columns (None: the column has no group).
HEADER = [("STT", None), ("Mã cán bộ", None), ("Họ và tên", None),
          ("Ngày, tháng, năm sinh", ["Nam", "Nữ"]), ("Dân tộc", None), ("Chức vụ", None),
          ("Chức danh quy hoạch", None), ("Ngày vào Đảng", None), ("Cấp ủy viên", None),
          ("Trình độ", [h for h, _ in LEVEL_HEADERS]), ("Tiếng dân tộc", None),
          ("Bồi dưỡng nghiệp vụ đoàn thể", None), ("Cập nhật kiến thức", None),
          ("Số năm công tác vùng DTTS", None), ("Năm nghỉ", None), ("Ghi chú", None)]


def header_rows(with_id):
    top, sub = [], []
    for text, group in HEADER:
        if text == "Mã cán bộ" and not with_id:
            continue
        if group:
            top += [text] + [None] * (len(group) - 1)
            sub += group
        else:
            top.append(text)
            sub.append(None)
    return top, sub


SIGNATURE = [
    [],
    ["", "", "NGƯỜI LẬP BIỂU", "", "", "", "", "", "", "", "T/M ĐẢNG ỦY"],
    ["", "", "(Ký, ghi rõ họ tên)", "", "", "", "", "", "", "", "BÍ THƯ"],
    [],
    ["", "", "Nguyễn Thị Lan", "", "", "", "", "", "", "", "Trần Minh Việt"],
    ["Ghi chú: danh sách tính đến ngày 01/01/2022."],
]


def write_workbook(officials, path):
    book = Workbook()
    book.remove(book.active)
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    by_commune = {}
    for official in officials:
        by_commune.setdefault((official["district"], official["commune"]), []).append(official)
    for (district, commune), members in by_commune.items():
        sheet = book.create_sheet(commune.replace("Xã ", "").replace("Phường ", "").replace("Thị trấn ", "")[:31])
        top, sub = header_rows(with_id=True)
        width = len(top)
        sheet.cell(1, 1, f"ĐẢNG BỘ HUYỆN {district.upper()}")
        sheet.cell(1, 11, "ĐẢNG CỘNG SẢN VIỆT NAM")
        sheet.cell(2, 1, f"ĐẢNG ỦY {commune.upper()}")
        sheet.cell(4, 1, "DANH SÁCH TRÍCH NGANG CÁN BỘ, CÔNG CHỨC VÀ NGƯỜI HOẠT ĐỘNG KHÔNG CHUYÊN TRÁCH")
        sheet.merge_cells(start_row=4, start_column=1, end_row=4, end_column=width)
        sheet.cell(5, 1, "(Tính đến ngày 01 tháng 01 năm 2022)")
        sheet.merge_cells(start_row=5, start_column=1, end_row=5, end_column=width)
        for row in (1, 2, 4, 5):
            sheet.cell(row, 1).font = Font(bold=True)
            sheet.cell(row, 1).alignment = Alignment(horizontal="center" if row >= 4 else "left")
        # The two header rows: a column with no group is merged down over both.
        head, below = 7, 8
        column = 1
        for text, group in HEADER:
            cell = sheet.cell(head, column, text)
            if group:
                sheet.merge_cells(start_row=head, start_column=column, end_row=head, end_column=column + len(group) - 1)
                for k, sub_text in enumerate(group):
                    sheet.cell(below, column + k, sub_text)
                column += len(group)
            else:
                sheet.merge_cells(start_row=head, start_column=column, end_row=below, end_column=column)
                column += 1
        for c in range(1, width + 1):
            for r in (head, below):
                sheet.cell(r, c).font = Font(bold=True)
                sheet.cell(r, c).alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
                sheet.cell(r, c).border = box
            sheet.cell(below + 1, c, f"({c})").alignment = Alignment(horizontal="center")
        first = below + 2
        for i, official in enumerate(members):
            for c, value in enumerate(data_row(official, i + 1, True, lambda d: d), start=1):
                cell = sheet.cell(first + i, c, value)
                cell.border = box
                if isinstance(value, datetime.date):
                    cell.number_format = "DD/MM/YYYY"
        end = first + len(members)
        for k, values in enumerate(SIGNATURE):
            for c, value in enumerate(values, start=1):
                if value:
                    sheet.cell(end + k, c, value).font = Font(bold=k in (1, 4))
        widths = {1: 5, 2: 11, 3: 22, 4: 11, 5: 11, 6: 7, 7: 27, 8: 16, 9: 11, 10: 7, 11: 17, 12: 18, 13: 11,
                  14: 19, 15: 13, 16: 19, 17: 11, 18: 11, 19: 11, 20: 8, 21: 10}
        for c in range(1, width + 1):
            sheet.column_dimensions[get_column_letter(c)].width = widths.get(c, 13)
        sheet.row_dimensions[head].height = 32
        sheet.row_dimensions[below].height = 32
        for r in range(first, end):
            for c in range(1, width + 1):
                sheet.cell(r, c).font = Font(size=9)
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
    book.properties.created = datetime.datetime(2022, 1, 1)
    book.save(path)
    fix_dates(path)


def fix_dates(path):
    """openpyxl stamps the save time on the ZIP entries and docProps/core.xml; fixed, the same input gives the same bytes."""
    with zipfile.ZipFile(path) as source:
        parts = [(info.filename, source.read(info.filename)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts:
            if name == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2022-01-01T00:00:00Z", data)
            target.writestr(zipfile.ZipInfo(name, date_time=(2022, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)


def write_csv(officials, path):
    top, sub = header_rows(with_id=False)
    # Where the unit comes in a column instead of a sheet: Huyện and Xã before Chức vụ.
    at = top.index("Chức vụ")
    top[at:at] = ["Huyện", "Xã"]
    sub[at:at] = [None, None]
    width = len(top)

    def padded(values):
        return [("" if v is None else v) for v in values] + [""] * (width - len(values))

    with open(path, "w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(padded(["TỈNH ỦY QUẢNG NGÃI", "", "", "", "", "", "", "", "", "", "ĐẢNG CỘNG SẢN VIỆT NAM"]))
        writer.writerow(padded(["BAN TỔ CHỨC"]))
        writer.writerow(padded([]))
        writer.writerow(padded(["DANH SÁCH TRÍCH NGANG CÁN BỘ, CÔNG CHỨC VÀ NGƯỜI HOẠT ĐỘNG KHÔNG CHUYÊN TRÁCH CẤP XÃ"]))
        writer.writerow(padded(top))
        writer.writerow(padded(sub))
        for i, official in enumerate(officials):
            row = data_row(official, i + 1, False, lambda d: d.strftime("%d/%m/%Y"))
            row[at:at] = [official["district"], official["commune"]]
            writer.writerow(padded(row))
        for values in SIGNATURE:
            writer.writerow(padded(values))


def write_communes(officials, path):
    seen = {}
    for official in officials:
        seen.setdefault((official["district"], official["commune"]), (official["area"], official["minority_area"]))
    with open(path, "w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(["Huyện", "Xã", "Khu vực", "Vùng DTTS"])
        for (district, commune), (area, minority) in seen.items():
            writer.writerow([district, commune, AREA_VI[area], "có" if minority == "yes" else "không"])


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    source = args[0] if args else os.path.join(ROOT, "Scenarios", "small", "officials.csv")
    out = args[1] if len(args) > 1 else HERE
    with open(source, encoding="utf-8-sig") as f:
        officials = list(csv.DictReader(f))
    # The repository's fixtures are named after the small scenario; another province's lists are not.
    name = "small-list" if not args else "officials-list"
    write_communes(officials, os.path.join(out, "communes.csv"))
    write_csv(officials, os.path.join(out, f"{name}.csv"))
    if "--only-csv" not in sys.argv:
        write_workbook(officials, os.path.join(out, f"{name}.xlsx"))


if __name__ == "__main__":
    main()
