#!/usr/bin/env bash
# Prints the sample's plan.xlsx and one roster to PDF with LibreOffice (headless) and checks the pages with
# pdftotext: the summary's labels and values on page 1, every schedule page holding all eleven columns under
# the header, "Trang N/M" on every page, and the roster's national title, title and signature block.
# Usage: scripts/check-print.sh [PDF_DIR]   (keeps plan.pdf and roster.pdf there; default: a temporary folder)
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v soffice >/dev/null || ! command -v pdftotext >/dev/null; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libreoffice-calc-nogui poppler-utils >/dev/null
fi
scratch="${CHECK_PRINT_SCRATCH:-.build}"
swift build --scratch-path "$scratch" --product cadreplan
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
pdfs="${1:-$work}"
mkdir -p "$pdfs"

fail() {
    echo "check-print: $*" >&2
    exit 1
}

# The sample as it is, with the letterhead keys a school would add (they change no plan, only the papers).
cat >"$work/baseline.yaml" <<EOF
extends: $PWD/Scenarios/quang-ngai-2022/baseline.yaml
issuer: "TRƯỜNG CHÍNH TRỊ TỈNH QUẢNG NGÃI"
issuer_parent: "TỈNH ỦY QUẢNG NGÃI"
signer_title: "HIỆU TRƯỞNG"
place: "Quảng Ngãi"
EOF
# Exit 2 (time limit before the gap) still writes every output; anything else is a failure.
status=0
"$scratch/debug/cadreplan" plan "$work/baseline.yaml" --out "$work/sample" --gap 0.01 --time-limit 30 --quiet || status=$?
if [ "$status" -ne 0 ] && [ "$status" -ne 2 ]; then
    fail "cadreplan plan exited $status"
fi

# The largest intake: its roster runs over several pages.
roster_csv=$(wc -l "$work"/sample/rosters/*.csv | grep -v ' total$' | sort -k1,1nr -k2 | head -1 | awk '{print $2}')
roster="${roster_csv%.csv}.xlsx"
[ -f "$roster" ] || fail "no roster workbook beside $roster_csv"
cp "$work/sample/plan.xlsx" "$work/plan.xlsx"
cp "$roster" "$work/roster.xlsx"
# A profile of its own, so that a LibreOffice already running elsewhere does not take the job.
soffice -env:UserInstallation="file://$work/profile" --headless --convert-to pdf --outdir "$pdfs" \
    "$work/plan.xlsx" "$work/roster.xlsx" >"$work/soffice.log" 2>&1 || fail "LibreOffice failed: $(cat "$work/soffice.log")"

pages() { pdfinfo "$1" | awk '/^Pages:/ {print $2}'; }
page() { pdftotext -layout -f "$2" -l "$2" "$1" -; }

plan_pages=$(pages "$pdfs/plan.pdf")
first=$(page "$pdfs/plan.pdf" 1)
for pair in "Kịch bản +baseline" "Trạng thái +(tối ưu|khả thi)" "Tổng chi phí \(VND\) +[0-9,]+" "Số cán bộ +5300" \
            "Năm cuối +2030" "Số ràng buộc +[0-9]+"; do
    grep -Eq "$pair" <<<"$first" || fail "page 1 of plan.pdf lacks the summary line /$pair/:
$first"
done
grep -q "Tổng quan" <<<"$(page "$pdfs/plan.pdf" 2)" && fail "the summary runs onto page 2 of plan.pdf"

header='Năm +Mã cán bộ +Họ và tên +Huyện +Xã +Mã khóa +Tên khóa học +Lĩnh vực +Trình độ đạt +Năm hoàn thành +Chi phí/học viên \(VND\)'
schedule_pages=0
blank_pages=()
for ((p = 1; p <= plan_pages; p++)); do
    text=$(page "$pdfs/plan.pdf" "$p")
    # LibreOffice 7.4, fitting a long sheet with repeated rows to the page width, sometimes ends it with an empty
    # page (no cells, no header, no footer); Excel does not. Tolerated only right after a sheet's last page.
    if [ -z "$(tr -d '[:space:]' <<<"$text")" ]; then
        [ "$p" -gt 1 ] && [ -n "$(tr -d '[:space:]' <<<"$(page "$pdfs/plan.pdf" $((p - 1)))")" ] || fail "page $p of plan.pdf is empty and follows no sheet"
        blank_pages+=("$p")
        continue
    fi
    grep -q "Trang $p/$plan_pages" <<<"$text" || fail "page $p of plan.pdf has no \"Trang $p/$plan_pages\""
    if grep -q "^ *Lịch đào tạo " <<<"$text"; then
        schedule_pages=$((schedule_pages + 1))
        grep -Eq "$header" <<<"$text" || fail "schedule page $p of plan.pdf lacks the eleven columns' header:
$(head -8 <<<"$text")"
        grep -Eq "^ *20[0-9][0-9] +[^ ].* [0-9]{1,3}(,[0-9]{3})+ *$" <<<"$text" || fail "schedule page $p of plan.pdf has no row ending with its cost column"
    fi
done
[ "$schedule_pages" -gt 0 ] || fail "no schedule page found in plan.pdf"

roster_pages=$(pages "$pdfs/roster.pdf")
top=$(page "$pdfs/roster.pdf" 1)
for line in "TỈNH ỦY QUẢNG NGÃI" "TRƯỜNG CHÍNH TRỊ TỈNH QUẢNG NGÃI" "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" \
            "Độc lập - Tự do - Hạnh phúc" "Quảng Ngãi, ngày …… tháng …… năm ……" "DANH SÁCH HỌC VIÊN" "Lớp .*, năm 20[0-9][0-9]" \
            "STT +Mã cán bộ +Họ và tên"; do
    grep -Eq "$line" <<<"$top" || fail "page 1 of the roster $(basename "$roster") lacks /$line/"
done
bottom=$(page "$pdfs/roster.pdf" "$roster_pages")
for line in "Tổng cộng: [0-9]+ học viên" "Nơi nhận:" "HIỆU TRƯỞNG" "\(Ký, ghi rõ họ tên và đóng dấu\)"; do
    grep -Eq "$line" <<<"$bottom" || fail "the last page of the roster $(basename "$roster") lacks /$line/"
done
for ((p = 1; p <= roster_pages; p++)); do
    text=$(page "$pdfs/roster.pdf" "$p")
    grep -q "Trang $p/$roster_pages" <<<"$text" || fail "page $p of the roster has no \"Trang $p/$roster_pages\""
    grep -Eq "STT +Mã cán bộ +Họ và tên" <<<"$text" || fail "page $p of the roster lacks the table's headings"
done
echo "check-print: plan.xlsx prints on $plan_pages pages ($schedule_pages of schedule, each with all eleven columns;" \
    "empty pages LibreOffice added: ${blank_pages[*]:-none});" \
    "roster $(basename "$roster") on $roster_pages; PDFs in $pdfs"
