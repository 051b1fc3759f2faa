extension PageAssets {
    /// The pages' one script. It builds every element with `el` (text nodes, never HTML strings), so nothing a
    /// user uploaded can become markup; it reads only this server's JSON API.
    static let script = ##"""
        'use strict';
        const WORDS = {
          vi: {
            scenarios: 'Kịch bản', runs: 'Lượt chạy', audit: 'Nhật ký', lang: 'English', name: 'Tên', officials: 'Cán bộ',
            years: 'Giai đoạn', problems: 'Lỗi', extends: 'Dựa trên', upload: 'Tải lên kịch bản', uploadHelp: 'Một tệp .zip của thư mục kịch bản, hoặc tệp YAML cùng các tệp CSV/XLSX.',
            files: 'Tệp', send: 'Tải lên', uploaded: 'Đã tải lên', problemsFound: 'Dữ liệu có lỗi — sửa rồi tải lên lại:',
            settings: 'Thiết lập', baseYear: 'Năm gốc', horizon: 'Năm cuối', carryOver: 'Chuyển kinh phí sang năm sau', maxDays: 'Ngày học tối đa/năm',
            budget: 'Kinh phí theo năm (VND)', year: 'Năm', courses: 'Khóa học', course: 'Khóa', seats: 'Chỉ tiêu/năm', cost: 'Chi phí/học viên (VND)',
            targets: 'Chỉ tiêu', deadline: 'Hạn', share: 'Tỷ lệ', kind: 'Loại', weight: 'Trọng số', requirement: 'Yêu cầu',
            whatIf: 'Thử phương án (what-if)', factor: 'Nhân kinh phí với', applyFactor: 'Áp dụng', variantName: 'Tên phương án mới', saveVariant: 'Lưu thành phương án',
            run: 'Chạy', command: 'Lệnh', timeLimit: 'Thời gian tối đa (giây)', gap: 'Sai số (gap)', language: 'Ngôn ngữ kết quả',
            plan: 'Lập kế hoạch', 'min-budget': 'Kinh phí tối thiểu', sweep: 'Quét kinh phí', compare: 'So sánh', replan: 'Lập lại kế hoạch',
            from: 'Từ', to: 'Đến', step: 'Bước', others: 'So sánh với', actuals: 'Tệp thực hiện (actuals)', reorganisation: 'Sắp xếp đơn vị (nếu có)', fromYear: 'Lập lại từ năm', previous: 'Giữ theo lượt chạy',
            none: '(không)', state: 'Trạng thái', user: 'Người chạy', created: 'Tạo lúc', progress: 'Tiến độ', queued: 'đang chờ', running: 'đang chạy',
            done: 'xong', stopped: 'đã dừng', failed: 'lỗi', interrupted: 'bị gián đoạn', place: 'vị trí chờ', stop: 'Dừng (giữ phương án tốt nhất)',
            elapsed: 'Thời gian', phase: 'Giai đoạn', best: 'Tốt nhất', bound: 'Cận dưới', exitCode: 'Mã thoát', status: 'Kết quả', objective: 'Thiếu hụt có trọng số',
            totalCost: 'Tổng chi phí (VND)', stoppedBy: 'Dừng vì', results: 'Kết quả', report: 'Báo cáo (biểu đồ)', downloads: 'Tải về', allFiles: 'Mọi tệp',
            papers: 'Danh sách để in, ký và gửi', papersByDistrict: 'Theo đơn vị', papersByIntake: 'Theo lớp', rosters: 'Danh sách lớp (rosters.zip)', districtRosters: 'Danh sách của một huyện/đơn vị', download: 'Tải về', reasons: 'Vì sao chưa đạt chỉ tiêu',
            official: 'Kế hoạch của một cán bộ', search: 'Tìm theo mã hoặc tên', schedule: 'Lịch học', attainment: 'Mức đạt chỉ tiêu', previousPage: '‹ Trước', nextPage: 'Sau ›',
            rows: 'dòng', compareRuns: 'So sánh các lượt đã chọn', compareTitle: 'So sánh các lượt chạy', target: 'Chỉ tiêu', horizonYear: 'Năm cuối',
            output: 'Kết quả in ra của lệnh', message: 'Thông báo của lệnh', delete: 'Xóa', confirmDelete: 'Xóa hẳn?', action: 'Việc', target2: 'Đối tượng', detail: 'Chi tiết', at: 'Lúc',
            openScenario: 'Mở', downloadScenario: 'Tải kịch bản (.zip)', waitingFirst: 'Đang chờ tiến độ đầu tiên…', noRuns: 'Chưa có lượt chạy nào.',
            error: 'Lỗi', loading: 'Đang tải…', file: 'Tệp', line: 'Dòng', column: 'Cột', sweepPage: 'Trang quét kinh phí', comparePage: 'Trang so sánh',
            mapTitle: 'Danh sách có cột hoặc cách ghi chưa hiểu — chọn cách hiểu rồi tải lên lại (được lưu cùng kịch bản):', mapHeader: 'Cột', mapValue: 'Giá trị', mapIgnore: '(bỏ qua)', mapAgain: 'Tải lên lại với cách hiểu này', rowsWord: 'dòng',
            signIn: 'Đăng nhập', signOut: 'Đăng xuất', password: 'Mật khẩu', userName: 'Tên đăng nhập', viewerOnly: 'Tài khoản xem: chỉ đọc và tải về.',
            phases: { reading: 'đọc dữ liệu', relaxation: 'bài toán nới lỏng', shortfall: 'giảm thiếu hụt', spending: 'giảm chi phí', writing: 'ghi kết quả' },
            statuses: { optimal: 'tối ưu (đạt sai số)', feasible: 'khả thi (chưa đạt sai số)', infeasible: 'không khả thi', failed: 'lỗi' },
            stopReasons: { gap: 'đạt sai số', time_limit: 'hết thời gian', stop_request: 'người dùng dừng', search_exhausted: 'hết cách tìm' },
          },
          en: {
            scenarios: 'Scenarios', runs: 'Runs', audit: 'Audit trail', lang: 'Tiếng Việt', name: 'Name', officials: 'Officials',
            years: 'Years', problems: 'Problems', extends: 'Extends', upload: 'Upload a scenario', uploadHelp: 'One .zip of a scenario folder, or the YAML with its CSV/XLSX files.',
            files: 'Files', send: 'Upload', uploaded: 'Uploaded', problemsFound: 'The input has problems — fix them and upload again:',
            settings: 'Settings', baseYear: 'Base year', horizon: 'Horizon', carryOver: 'Unspent budget carried over', maxDays: 'Most training days a year',
            budget: 'Budget per year (VND)', year: 'Year', courses: 'Courses', course: 'Course', seats: 'Seats a year', cost: 'Cost per trainee (VND)',
            targets: 'Targets', deadline: 'Deadline', share: 'Share', kind: 'Kind', weight: 'Weight', requirement: 'Requirement',
            whatIf: 'What-if', factor: 'Multiply the budget by', applyFactor: 'Apply', variantName: 'Name of the new variant', saveVariant: 'Save as variant',
            run: 'Run', command: 'Command', timeLimit: 'Time limit (s)', gap: 'Gap', language: 'Output language',
            plan: 'Plan', 'min-budget': 'Least budget', sweep: 'Budget sweep', compare: 'Compare', replan: 'Re-plan',
            from: 'From', to: 'To', step: 'Step', others: 'Compare with', actuals: 'Actuals file', reorganisation: 'Reorganisation of the map (if any)', fromYear: 'Re-plan from year', previous: 'Keep the plan of run',
            none: '(none)', state: 'State', user: 'User', created: 'Created', progress: 'Progress', queued: 'queued', running: 'running',
            done: 'done', stopped: 'stopped', failed: 'failed', interrupted: 'interrupted', place: 'place in queue', stop: 'Stop (keep the best plan)',
            elapsed: 'Elapsed', phase: 'Phase', best: 'Best', bound: 'Bound', exitCode: 'Exit code', status: 'Status', objective: 'Weighted shortfall',
            totalCost: 'Total cost (VND)', stoppedBy: 'Stopped by', results: 'Results', report: 'Report (charts)', downloads: 'Downloads', allFiles: 'Every file',
            papers: 'Rosters to print, sign and send', papersByDistrict: 'By district', papersByIntake: 'By intake', rosters: 'Rosters (rosters.zip)', districtRosters: 'One district’s rosters', download: 'Download', reasons: 'Why targets fall short',
            official: 'One official’s plan', search: 'Search by id or name', schedule: 'Schedule', attainment: 'Attainment', previousPage: '‹ Previous', nextPage: 'Next ›',
            rows: 'rows', compareRuns: 'Compare the selected runs', compareTitle: 'Runs side by side', target: 'Target', horizonYear: 'Horizon',
            output: 'What the command printed', message: 'The command’s messages', delete: 'Delete', confirmDelete: 'Delete for good?', action: 'Action', target2: 'What', detail: 'Detail', at: 'At',
            openScenario: 'Open', downloadScenario: 'Download scenario (.zip)', waitingFirst: 'Waiting for the first progress…', noRuns: 'No runs yet.',
            error: 'Error', loading: 'Loading…', file: 'File', line: 'Line', column: 'Column', sweepPage: 'Sweep page', comparePage: 'Comparison page',
            mapTitle: 'The list has columns or spellings CadrePlan cannot place — choose what they mean and upload again (kept with the scenario):', mapHeader: 'Column', mapValue: 'Value', mapIgnore: '(ignore)', mapAgain: 'Upload again with this mapping', rowsWord: 'rows',
            signIn: 'Sign in', signOut: 'Sign out', password: 'Password', userName: 'User name', viewerOnly: 'Viewer account: reading and downloads only.',
            phases: { reading: 'reading', relaxation: 'relaxation', shortfall: 'shortfall', spending: 'spending', writing: 'writing' },
            statuses: { optimal: 'optimal (within the gap)', feasible: 'feasible (gap not reached)', infeasible: 'infeasible', failed: 'failed' },
            stopReasons: { gap: 'gap reached', time_limit: 'time limit', stop_request: 'stop request', search_exhausted: 'search exhausted' },
          },
        };
        let lang = localStorage.getItem('cadreplan-lang') === 'en' ? 'en' : 'vi';
        const t = (key) => WORDS[lang][key] ?? key;

        function el(tag, attributes, ...children) {
          const node = document.createElement(tag);
          for (const [key, value] of Object.entries(attributes || {})) {
            if (value === undefined || value === null || value === false) continue;
            if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
            else if (key === 'value') node.value = value;
            else node.setAttribute(key, value === true ? '' : value);
          }
          for (const child of children.flat()) {
            if (child === undefined || child === null || child === false) continue;
            node.append(child instanceof Node ? child : document.createTextNode(String(child)));
          }
          return node;
        }
        const main = () => document.getElementById('main');
        // replaceChildren would show a left-out part (null) as the text "null".
        function fill(node, ...children) {
          node.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined && c !== false)
            .map((c) => c instanceof Node ? c : document.createTextNode(String(c))));
        }
        const number = (value, digits = 0) => value === null || value === undefined || Number.isNaN(value) ? '—'
          : Number(value).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: digits });
        const percent = (value) => value === null || value === undefined ? '—' : (value * 100).toFixed(3) + ' %';

        async function api(path, options = {}) {
          const response = await fetch(path, { credentials: 'same-origin', ...options,
            headers: { ...(options.headers || {}), ...(window.CSRF ? { 'X-CSRF-Token': window.CSRF } : {}) } });
          const type = response.headers.get('content-type') || '';
          const body = type.includes('json') ? await response.json() : await response.text();
          if (response.status === 401 && !location.pathname.startsWith('/login')) { location.href = '/login'; }
          if (!response.ok) {
            const error = new Error(body && body.error ? body.error : response.status + ' ' + response.statusText);
            error.status = response.status;
            error.problems = body && body.problems ? body.problems : [];
            error.body = typeof body === 'object' ? body : null;
            throw error;
          }
          return body;
        }

        function problemList(problems) {
          return el('ul', { class: 'problems', id: 'problems' }, problems.map((p) =>
            el('li', {}, `${p.file}${p.sheet ? ' [' + p.sheet + ']' : ''}${p.line ? ':' + p.line : ''}${p.column ? ' [' + p.column + ']' : ''}: ${p.message}`)));
        }
        function showError(container, error) {
          fill(container, el('p', { class: 'error', role: 'alert' }, t('error') + ': ' + error.message),
            error.problems && error.problems.length ? problemList(error.problems) : null);
        }

        let me = { role: 'planner', accounts: false };
        function header() {
          const top = document.getElementById('top');
          fill(top,
            el('a', { href: '/', class: 'brand' }, 'CadrePlan'),
            el('a', { href: '/' }, t('scenarios')), el('a', { href: '/runs' }, t('runs')), me.role === 'planner' ? el('a', { href: '/audit' }, t('audit')) : null,
            el('span', { class: 'spacer' }),
            me.name ? el('span', { id: 'signed-in' }, me.name + (me.districts && me.districts.length ? ' (' + me.districts.join(', ') + ')' : '')) : null,
            me.name ? el('button', { id: 'sign-out', onclick: async () => { await api('/api/logout', { method: 'POST' }).catch(() => null); location.href = '/login'; } }, t('signOut')) : null,
            el('button', { id: 'lang-switch', onclick: () => { lang = lang === 'vi' ? 'en' : 'vi'; localStorage.setItem('cadreplan-lang', lang); route(); } }, t('lang')));
          document.documentElement.lang = lang;
        }

        // ---- Scenarios -------------------------------------------------------------------------------------
        async function scenariosPage() {
          const list = await api('/api/scenarios');
          const problemsBox = el('div', { id: 'upload-result' });
          async function send(mapping) {
            const data = new FormData(form);
            if (mapping) data.append('mapping', JSON.stringify(mapping));
            fill(problemsBox, el('p', {}, t('loading')));
            try {
              const created = await api('/api/scenarios', { method: 'POST', body: data });
              location.href = '/scenarios/' + encodeURIComponent(created.name);
            } catch (error) {
              fill(problemsBox, el('p', { class: 'error', role: 'alert' }, error.problems.length ? t('problemsFound') : t('error') + ': ' + error.message),
                error.problems.length ? el('p', {}, error.message) : null, error.problems.length ? problemList(error.problems) : null,
                mappingForm(error.body || {}, send));
            }
          }
          const form = el('form', { id: 'upload-form', onsubmit: (event) => { event.preventDefault(); send(null); } },
            el('div', { class: 'row' },
              el('label', {}, t('name') + ' ', el('input', { name: 'name', id: 'upload-name', required: true, pattern: '[^/\\\\.][^/\\\\]*' })),
              el('label', {}, t('files') + ' ', el('input', { type: 'file', name: 'files', id: 'upload-files', multiple: true, required: true, accept: '.zip,.yaml,.yml,.csv,.xlsx' })),
              el('button', { class: 'primary', type: 'submit', id: 'upload-button' }, t('send'))),
            el('p', { class: 'muted' }, t('uploadHelp')));
          fill(main(),
            el('h1', {}, t('scenarios')),
            el('section', {}, el('table', { id: 'scenario-list' },
              el('tr', {}, el('th', {}, t('name')), el('th', { class: 'num' }, t('officials')), el('th', {}, t('years')),
                el('th', {}, t('extends')), el('th', { class: 'num' }, t('problems'))),
              list.map((s) => el('tr', {},
                el('td', {}, el('a', { href: '/scenarios/' + encodeURIComponent(s.name) }, s.name)),
                el('td', { class: 'num' }, number(s.officials)), el('td', {}, s.base_year ? `${s.base_year}–${s.horizon}` : '—'),
                el('td', {}, s.extends || ''), el('td', { class: 'num' + (s.problems ? ' error' : '') }, s.problems))))),
            me.role === 'planner' ? el('h2', {}, t('upload')) : el('p', { class: 'muted' }, t('viewerOnly')),
            me.role === 'planner' ? el('section', {}, form, problemsBox) : null);
        }

        // The upload step for office lists: each header and spelling the readers could not place, asked once.
        function mappingForm(answer, send) {
          const headers = answer.unplaced_headers || [], values = answer.unread_values || [];
          if (!headers.length && !values.length) return null;
          const columnChoices = [''].concat(answer.columns || []);
          const headerSelects = headers.map((h) => ({ h, select: el('select', { class: 'map-header' }, columnChoices.map((c) => el('option', { value: c }, c || t('mapIgnore')))) }));
          const valueSelects = values.map((v) => ({ v, select: el('select', { class: 'map-value' }, [''].concat((answer.choices || {})[v.field] || []).map((c) => el('option', { value: c }, c || '—'))) }));
          return el('section', { id: 'mapping' }, el('p', {}, t('mapTitle')),
            headerSelects.length ? el('table', {}, headerSelects.map(({ h, select }) => el('tr', {},
              el('td', {}, `${t('mapHeader')} ${h.column}${h.sheet ? ' [' + h.sheet + ']' : ''}: “${h.text}”`), el('td', {}, select)))) : null,
            valueSelects.length ? el('table', {}, valueSelects.map(({ v, select }) => el('tr', {},
              el('td', {}, `${v.field}: “${v.value}” (${v.count} ${t('rowsWord')}${v.first_line ? ', ' + t('line') + ' ' + v.first_line : ''})${v.ambiguity ? ' — ' + v.ambiguity : ''}`), el('td', {}, select)))) : null,
            el('button', { type: 'button', class: 'primary', id: 'mapping-send', onclick: () => {
              const mapping = { columns: {}, values: {} };
              for (const { h, select } of headerSelects) if (select.value) mapping.columns[h.text] = select.value;
              for (const { v, select } of valueSelects) if (select.value) (mapping.values[v.field] = mapping.values[v.field] || {})[v.value] = select.value;
              send(mapping);
            } }, t('mapAgain')));
        }

        // ---- One scenario: settings, what-if edits, runs ---------------------------------------------------------
        async function scenarioPage(name) {
          const s = await api('/api/scenarios/' + encodeURIComponent(name));
          const [scenarios, runs] = await Promise.all([api('/api/scenarios'), api('/api/runs')]);
          const years = Object.keys(s.budget || {}).sort();
          const budgetInputs = {};
          const seatInputs = {}, costInputs = {};
          const variantResult = el('div', { id: 'variant-result' });
          const factor = el('input', { type: 'number', id: 'budget-factor', step: '0.05', min: '0', value: '1.2' });
          const variantName = el('input', { id: 'variant-name', value: name + '-x' });

          const budgetTable = el('table', { id: 'budget-table' }, el('tr', {}, el('th', {}, t('year')), el('th', { class: 'num' }, 'VND')),
            years.map((year) => { budgetInputs[year] = el('input', { type: 'number', min: '0', step: '1000000', value: s.budget[year], 'data-year': year });
              return el('tr', {}, el('td', {}, year), el('td', { class: 'num' }, budgetInputs[year])); }));
          const courseTable = el('table', { id: 'course-table' },
            el('tr', {}, el('th', {}, t('course')), el('th', {}, t('name')), el('th', { class: 'num' }, t('seats')), el('th', { class: 'num' }, t('cost'))),
            (s.courses || []).map((c) => { seatInputs[c.id] = el('input', { type: 'number', min: '0', value: c.seats });
              costInputs[c.id] = el('input', { type: 'number', min: '0', step: '100000', value: c.cost });
              return el('tr', {}, el('td', {}, c.id), el('td', {}, c.name), el('td', { class: 'num' }, seatInputs[c.id]), el('td', { class: 'num' }, costInputs[c.id])); }));

          async function saveVariant() {
            const body = { name: variantName.value.trim(), budget: {}, seats: {}, costs: {} };
            for (const year of years) if (Number(budgetInputs[year].value) !== s.budget[year]) body.budget[year] = Number(budgetInputs[year].value);
            for (const c of s.courses) {
              if (Number(seatInputs[c.id].value) !== c.seats) body.seats[c.id] = Number(seatInputs[c.id].value);
              if (Number(costInputs[c.id].value) !== c.cost) body.costs[c.id] = Number(costInputs[c.id].value);
            }
            try {
              const created = await api('/api/scenarios/' + encodeURIComponent(name) + '/variants', { method: 'POST',
                headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
              location.href = '/scenarios/' + encodeURIComponent(created.name);
            } catch (error) { showError(variantResult, error); }
          }

          const runBox = runForm(s, scenarios, runs);
          fill(main(),
            el('h1', {}, t('scenarios') + ': ', el('span', { id: 'scenario-name' }, name)),
            (s.problems || []).length ? el('section', {}, el('p', { class: 'error' }, t('problemsFound')), problemList(s.problems)) : null,
            s.base_year ? el('section', {}, el('div', { class: 'figures' },
              figure(t('officials'), number(s.officials)), figure(t('baseYear'), s.base_year), figure(t('horizon'), s.horizon),
              figure(t('maxDays'), s.max_training_days), figure(t('carryOver'), s.carry_over ? '✓' : '✗'), figure(t('extends'), s.extends || '—')),
              el('div', { class: 'row' }, el('a', { href: '/api/scenarios/' + encodeURIComponent(name) + '/scenario.zip' }, t('downloadScenario')),
                el('button', { id: 'delete-scenario', onclick: async () => { if (!confirm(t('confirmDelete'))) return;
                  try { await api('/api/scenarios/' + encodeURIComponent(name), { method: 'DELETE' }); location.href = '/'; } catch (error) { alert(error.message); } } }, t('delete')))) : null,
            s.base_year && me.role === 'planner' ? el('h2', {}, t('run')) : null, s.base_year && me.role === 'planner' ? runBox : null,
            s.base_year && me.role === 'planner' ? el('h2', {}, t('whatIf')) : null,
            s.base_year && me.role === 'planner' ? el('section', { id: 'what-if' },
              el('div', { class: 'row' }, el('label', {}, t('factor') + ' ', factor),
                el('button', { id: 'apply-factor', onclick: () => { for (const year of years) budgetInputs[year].value = Math.round(s.budget[year] * Number(factor.value)); } }, t('applyFactor'))),
              el('h2', {}, t('budget')), budgetTable, el('h2', {}, t('courses')), courseTable,
              el('div', { class: 'row' }, el('label', {}, t('variantName') + ' ', variantName),
                el('button', { class: 'primary', id: 'save-variant', onclick: saveVariant }, t('saveVariant'))), variantResult) : null,
            s.base_year ? el('h2', {}, t('targets')) : null,
            s.base_year ? el('section', {}, el('table', { id: 'target-table' },
              el('tr', {}, el('th', {}, 'id'), el('th', {}, t('target')), el('th', {}, t('deadline')), el('th', { class: 'num' }, t('share')),
                el('th', {}, t('kind')), el('th', { class: 'num' }, t('weight')), el('th', {}, t('requirement'))),
              (s.targets || []).map((g) => el('tr', {}, el('td', {}, g.id), el('td', {}, lang === 'vi' ? g.label_vi : g.label_en), el('td', {}, g.deadline),
                el('td', { class: 'num' }, percent(g.share).replace('.000', '')), el('td', {}, g.kind), el('td', { class: 'num' }, g.weight), el('td', {}, g.requirement))))) : null);
        }

        function figure(label, value, id) { return el('div', id ? { id } : {}, el('span', { class: 'muted' }, label), el('b', {}, value)); }

        function runForm(s, scenarios, runs) {
          const command = el('select', { id: 'run-command' }, ['plan', 'min-budget', 'sweep', 'compare', 'replan'].map((c) => el('option', { value: c }, t(c))));
          const timeLimit = el('input', { type: 'number', id: 'run-time-limit', min: '1', value: '60' });
          const gap = el('input', { type: 'number', id: 'run-gap', min: '0', step: '0.001', value: '0.001' });
          const language = el('select', { id: 'run-lang' }, el('option', { value: 'vi' }, 'Tiếng Việt'), el('option', { value: 'en' }, 'English'));
          language.value = lang;
          const from = el('input', { type: 'number', id: 'sweep-from', step: '0.1', value: '0.6' });
          const to = el('input', { type: 'number', id: 'sweep-to', step: '0.1', value: '1.4' });
          const step = el('input', { type: 'number', id: 'sweep-step', step: '0.1', value: '0.2' });
          const others = scenarios.filter((o) => o.name !== s.name && !o.problems).map((o) => el('label', {},
            el('input', { type: 'checkbox', value: o.name, class: 'compare-with' }), ' ' + o.name));
          const actuals = el('input', { type: 'file', id: 'replan-actuals', accept: '.csv,.xlsx' });
          const reorganisation = el('input', { type: 'file', id: 'replan-reorganisation', accept: '.csv' });
          const fromYear = el('input', { type: 'number', id: 'replan-from', value: String(Math.min(s.horizon, s.base_year + 1)) });
          const previous = el('select', { id: 'replan-previous' }, el('option', { value: '' }, t('none')),
            runs.filter((r) => r.scenario === s.name && r.summary).map((r) => el('option', { value: r.id }, `#${r.id} ${t(r.command)} (${t(r.state)})`)));
          const extras = {
            sweep: el('div', { class: 'row' }, el('label', {}, t('from') + ' ', from), el('label', {}, t('to') + ' ', to), el('label', {}, t('step') + ' ', step)),
            compare: el('div', { class: 'row' }, t('others') + ':', others),
            replan: el('div', { class: 'row' }, el('label', {}, t('actuals') + ' ', actuals), el('label', {}, t('fromYear') + ' ', fromYear), el('label', {}, t('previous') + ' ', previous),
              el('label', {}, t('reorganisation') + ' ', reorganisation)),
          };
          const extraBox = el('div', {});
          const showExtras = () => fill(extraBox, extras[command.value] || '');
          command.addEventListener('change', showExtras);
          const result = el('div', { id: 'run-result' });
          async function submit() {
            const options = { time_limit: Number(timeLimit.value), gap: Number(gap.value), lang: language.value };
            if (command.value === 'sweep') Object.assign(options, { from: Number(from.value), to: Number(to.value), step: Number(step.value) });
            if (command.value === 'compare') options.scenarios = [...document.querySelectorAll('.compare-with:checked')].map((box) => box.value);
            let init;
            if (command.value === 'replan') {
              options.from = String(fromYear.value);
              if (previous.value) options.previous = previous.value;
              const form = new FormData();
              form.append('scenario', s.name); form.append('command', 'replan'); form.append('options', JSON.stringify(options));
              if (actuals.files[0]) form.append('actuals', actuals.files[0]);
              if (reorganisation.files[0]) form.append('reorganisation', reorganisation.files[0]);
              init = { method: 'POST', body: form };
            } else {
              init = { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ scenario: s.name, command: command.value, options }) };
            }
            try {
              const run = await api('/api/runs', init);
              location.href = '/runs/' + run.id;
            } catch (error) { showError(result, error); }
          }
          showExtras();
          return el('section', { id: 'run-panel' },
            el('div', { class: 'row' }, el('label', {}, t('command') + ' ', command), el('label', {}, t('timeLimit') + ' ', timeLimit),
              el('label', {}, t('gap') + ' ', gap), el('label', {}, t('language') + ' ', language)),
            extraBox, el('div', { class: 'row' }, el('button', { class: 'primary', id: 'run-button', onclick: submit }, t('run'))), result);
        }

        // ---- Runs ----------------------------------------------------------------------------------------------------------
        function stateBadge(run) {
          return el('span', { class: 'state state-' + run.state, 'data-state': run.state }, t(run.state) + (run.queue_position ? ` (${t('place')} ${run.queue_position})` : ''));
        }

        async function runsPage() {
          const runs = await api('/api/runs');
          const compareButton = el('button', { id: 'compare-selected', onclick: () => {
            const ids = [...document.querySelectorAll('.run-select:checked')].map((box) => box.value);
            if (ids.length >= 2) location.href = '/compare?runs=' + ids.join(',');
          } }, t('compareRuns'));
          fill(main(), el('h1', {}, t('runs')),
            runs.length === 0 ? el('p', { class: 'muted' }, t('noRuns')) : el('section', {},
              el('table', { id: 'run-list' }, el('tr', {}, el('th', {}, ''), el('th', {}, '#'), el('th', {}, t('command')), el('th', {}, t('scenarios')),
                el('th', {}, t('state')), el('th', { class: 'num' }, t('objective')), el('th', { class: 'num' }, t('gap')), el('th', {}, t('user')), el('th', {}, t('created'))),
                runs.map((r) => el('tr', { 'data-run': r.id }, el('td', {}, r.summary ? el('input', { type: 'checkbox', class: 'run-select', value: r.id }) : ''),
                  el('td', {}, el('a', { href: '/runs/' + r.id }, '#' + r.id)), el('td', {}, t(r.command)), el('td', {}, r.scenario), el('td', {}, stateBadge(r)),
                  el('td', { class: 'num' }, number(r.summary ? r.summary.objective : (r.progress ? r.progress.best : null), 1)),
                  el('td', { class: 'num' }, percent(r.summary ? r.summary.gap : (r.progress ? r.progress.gap : null))),
                  el('td', {}, r.user || '—'), el('td', {}, r.created)))),
              el('div', { class: 'row' }, compareButton)));
          if (runs.some((r) => r.state === 'queued' || r.state === 'running')) setTimeout(() => { if (location.pathname === '/runs') runsPage(); }, 2000);
        }

        function curve(points) {
          const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
          svg.setAttribute('class', 'curve'); svg.setAttribute('viewBox', '0 0 640 180'); svg.setAttribute('id', 'progress-curve');
          const values = points.flatMap((p) => [p[1], p[2]]).filter((v) => v !== null && v !== undefined);
          if (points.length === 0 || values.length === 0) return svg;
          const maxT = Math.max(1, ...points.map((p) => p[0])), low = Math.min(...values), high = Math.max(...values);
          const x = (v) => 40 + (v / maxT) * 590, y = (v) => 170 - (high === low ? 80 : ((v - low) / (high - low)) * 160);
          for (const [index, color] of [[1, '#b3261e'], [2, '#1f5fa8']]) {
            const coordinates = points.filter((p) => p[index] !== null && p[index] !== undefined).map((p) => `${x(p[0]).toFixed(1)},${y(p[index]).toFixed(1)}`);
            if (coordinates.length === 0) continue;
            const line = document.createElementNS('http://www.w3.org/2000/svg', 'polyline');
            line.setAttribute('points', coordinates.join(' ')); line.setAttribute('fill', 'none'); line.setAttribute('stroke', color); line.setAttribute('stroke-width', '2');
            svg.append(line);
          }
          return svg;
        }

        let openStream = null;
        // Progress events this page received live, before the result; kept on the results for whoever checks.
        let liveProgressEvents = 0;
        async function runPage(id) {
          if (openStream) { openStream.close(); openStream = null; }
          const run = await api('/api/runs/' + id);
          const progressBox = el('section', { id: 'progress' });
          const points = (run.curve || []).slice();
          function drawProgress(p) {
            const running = run.state === 'running' || run.state === 'queued';
            fill(progressBox,
              p ? el('div', { class: 'figures' }, figure(t('elapsed'), p.elapsed !== undefined ? p.elapsed.toFixed(1) + ' s' : '—', 'progress-elapsed'),
                figure(t('phase'), (WORDS[lang].phases[p.phase] || p.phase || '—') + (p.runs ? ` (${p.runs_done || 0}/${p.runs})` : ''), 'progress-phase'),
                figure(t('best'), number(p.best, 1)), figure(t('bound'), number(p.bound, 1)), figure(t('gap'), percent(p.gap)))
                : el('p', { class: 'muted' }, running ? t('waitingFirst') : ''),
              points.length ? curve(points) : null,
              running && me.role === 'planner' ? el('div', { class: 'row' }, el('button', { class: 'primary', id: 'stop-button', onclick: async (event) => {
                event.target.disabled = true;
                try { await api('/api/runs/' + id + '/stop', { method: 'POST' }); } catch (error) { alert(error.message); }
              } }, t('stop'))) : null);
          }
          fill(main(),
            el('h1', {}, `#${run.id} ${t(run.command)} — `, el('a', { href: '/scenarios/' + encodeURIComponent(run.scenario) }, run.scenario), ' ', el('span', { id: 'run-state' }, stateBadge(run))),
            el('p', { class: 'muted' }, `${t('user')}: ${run.user || '—'} · ${t('created')}: ${run.created}` + (run.exit_code !== null ? ` · ${t('exitCode')}: ${run.exit_code}` : '')),
            progressBox, el('div', { id: 'results' }));
          drawProgress(run.progress);
          if (run.state === 'queued' || run.state === 'running') {
            const stream = new EventSource('/api/runs/' + id + '/events');
            openStream = stream;
            stream.addEventListener('progress', (event) => {
              const p = JSON.parse(event.data);
              liveProgressEvents += 1;
              run.state = 'running';
              if (p.best !== null || p.bound !== null) points.push([p.elapsed, p.best, p.bound]);
              drawProgress(p);
              fill(document.getElementById('run-state'), stateBadge(run));
            });
            stream.addEventListener('done', () => { stream.close(); openStream = null; runPage(id); });
          } else {
            await results(run);
          }
        }

        async function results(run) {
          const box = document.getElementById('results');
          const s = run.summary;
          const files = await api('/api/runs/' + run.id + '/files').catch(() => []);
          const href = (path) => '/api/runs/' + run.id + '/files/' + path.split('/').map(encodeURIComponent).join('/');
          const parts = [];
          if (run.message) parts.push(el('section', { id: 'run-message' }, el('h2', {}, t('message')), el('pre', { class: run.state === 'failed' ? 'error' : '' }, run.message)));
          if (s) parts.push(el('section', { id: 'summary' }, el('h2', {}, t('results')), el('div', { class: 'figures' },
            figure(t('status'), WORDS[lang].statuses[s.status] || s.status), figure(t('objective'), number(s.objective, 1)), figure(t('totalCost'), number(s.total_cost)),
            figure(t('gap'), percent(s.gap)), figure(t('stoppedBy'), s.stopped_by ? (WORDS[lang].stopReasons[s.stopped_by] || s.stopped_by) : '—', 'stopped-by'))));
          if (files.length) {
            const districts = await districtsOf(run, files);
            const districtSelect = el('select', { id: 'district-select' }, districts.map((d) => el('option', { value: d }, d)));
            parts.push(el('section', { id: 'downloads' }, el('h2', {}, t('downloads')),
              el('div', { class: 'row' },
                files.includes('report.html') ? el('a', { href: href('report.html'), id: 'report-link', target: '_blank' }, t('report')) : null,
                files.includes('sweep.html') ? el('a', { href: href('sweep.html'), target: '_blank' }, t('sweepPage')) : null,
                files.includes('compare.html') ? el('a', { href: href('compare.html'), target: '_blank' }, t('comparePage')) : null,
                files.includes('plan.xlsx') ? el('a', { href: href('plan.xlsx'), id: 'xlsx-link' }, 'plan.xlsx') : null,
                files.some((f) => f.startsWith('rosters/')) ? el('a', { href: '/api/runs/' + run.id + '/rosters.zip', id: 'rosters-link' }, t('rosters')) : null),
              districts.length ? el('div', { class: 'row' }, t('districtRosters') + ': ', districtSelect,
                el('button', { id: 'district-rosters', onclick: () => { location.href = '/api/runs/' + run.id + '/rosters.zip?district=' + encodeURIComponent(districtSelect.value); } }, t('download'))) : null,
              papers(files, href),
              el('details', {}, el('summary', {}, t('allFiles') + ` (${files.length})`),
                el('ul', { id: 'file-list' }, files.map((f) => el('li', {}, el('a', { href: href(f) }, f)))))));
          }
          if (files.includes('reasons.csv')) parts.push(el('section', {}, el('h2', {}, t('reasons')), pagedTable(run.id, 'reasons.csv', { id: 'reasons' })));
          if (files.includes('officials_plan.csv')) parts.push(el('section', {}, el('h2', {}, t('official')), pagedTable(run.id, 'officials_plan.csv', { id: 'official', searchFirst: true })));
          if (files.includes('schedule.csv')) parts.push(el('section', {}, el('h2', {}, t('schedule')), pagedTable(run.id, 'schedule.csv', { id: 'schedule' })));
          if (files.includes('attainment.csv')) parts.push(el('section', {}, el('h2', {}, t('attainment')), pagedTable(run.id, 'attainment.csv', { id: 'attainment' })));
          if (run.output) parts.push(el('section', {}, el('details', {}, el('summary', {}, t('output')), el('pre', { id: 'run-output' }, run.output))));
          if (run.state !== 'running' && run.state !== 'queued' && me.role === 'planner') parts.push(el('div', { class: 'row' }, el('button', { id: 'delete-run', onclick: async () => {
            if (!confirm(t('confirmDelete'))) return;
            try { await api('/api/runs/' + run.id, { method: 'DELETE' }); location.href = '/runs'; } catch (error) { alert(error.message); } } }, t('delete'))));
          box.setAttribute('data-live-progress', String(liveProgressEvents));
          fill(box, ...parts);
        }

        function papers(files, href) {
          const byDistrict = files.filter((f) => /^rosters\/districts\/[^/]+\.xlsx$/.test(f));
          const byIntake = files.filter((f) => /^rosters\/[^/]+\.xlsx$/.test(f));
          if (!byDistrict.length && !byIntake.length) return null;
          const links = (list) => list.map((f) => el('a', { href: href(f) }, f.split('/').pop().replace('.xlsx', '')));
          return el('details', { id: 'papers' }, el('summary', {}, t('papers')),
            byDistrict.length ? el('div', { class: 'row' }, t('papersByDistrict') + ':', links(byDistrict)) : null,
            byIntake.length ? el('div', { class: 'row' }, t('papersByIntake') + ':', links(byIntake)) : null);
        }

        async function districtsOf(run, files) {
          if (!files.includes('districts.csv')) return [];
          const page = await api('/api/runs/' + run.id + '/table/districts.csv?limit=500').catch(() => null);
          if (!page) return [];
          const column = page.columns.indexOf('district');
          return [...new Set(page.rows.map((r) => r[column]))].sort();
        }

        function pagedTable(runId, file, { id, searchFirst } = {}) {
          const size = 25;
          let offset = 0;
          const search = el('input', { type: 'search', id: id + '-search', placeholder: t('search') });
          const table = el('table', { id: id + '-table' });
          const info = el('span', { class: 'muted', id: id + '-count' });
          const previous = el('button', { onclick: () => { offset = Math.max(0, offset - size); load(); } }, t('previousPage'));
          const next = el('button', { onclick: () => { offset += size; load(); } }, t('nextPage'));
          async function load() {
            if (searchFirst && !search.value.trim()) { fill(table); info.textContent = ''; previous.disabled = next.disabled = true; return; }
            const page = await api(`/api/runs/${runId}/table/${file}?offset=${offset}&limit=${size}&q=${encodeURIComponent(search.value)}`);
            fill(table, el('tr', {}, page.columns.map((c) => el('th', {}, c))), page.rows.map((r) => el('tr', {}, r.map((v) => el('td', {}, v)))));
            info.textContent = page.total ? `${offset + 1}–${Math.min(page.total, offset + size)} / ${number(page.total)} ${t('rows')}` : `0 ${t('rows')}`;
            previous.disabled = offset === 0; next.disabled = offset + size >= page.total;
          }
          let timer = null;
          search.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(() => { offset = 0; load(); }, 250); });
          load();
          return el('div', {}, el('div', { class: 'pager' }, search, previous, next, info), table);
        }

        // ---- Runs side by side ------------------------------------------------------------------------------------------
        async function comparePage() {
          const ids = (new URLSearchParams(location.search).get('runs') || '').split(',').filter(Boolean);
          const runs = await Promise.all(ids.map((id) => api('/api/runs/' + id)));
          const tables = await Promise.all(ids.map((id) => api(`/api/runs/${id}/table/attainment.csv?limit=500`).catch(() => null)));
          const horizon = Math.max(...runs.map((r) => (r.summary && r.summary.horizon) || 0));
          const years = [2025, 2030, horizon].filter((y, i, all) => y && all.indexOf(y) === i);
          const byRun = tables.map((page) => {
            const map = {};
            if (!page) return map;
            const at = (name) => page.columns.indexOf(name);
            for (const row of page.rows) map[row[at('target_id')] + '@' + row[at('year')]] = `${row[at('attained')]}/${row[at('required')]}`;
            return map;
          });
          const targets = tables[0] ? [...new Set(tables[0].rows.map((r) => r[tables[0].columns.indexOf('target_id')]))] : [];
          fill(main(), el('h1', {}, t('compareTitle')),
            el('section', {}, el('table', { id: 'compare-table' },
              el('tr', {}, el('th', {}, ''), runs.map((r) => el('th', {}, el('a', { href: '/runs/' + r.id }, `#${r.id} ${r.scenario}`)))),
              [['status', (s) => s.status], ['objective', (s) => number(s.objective, 1)], ['totalCost', (s) => number(s.total_cost)], ['gap', (s) => percent(s.gap)]]
                .map(([key, show]) => el('tr', {}, el('th', {}, t(key)), runs.map((r) => el('td', { class: 'num' }, r.summary ? show(r.summary) : '—')))),
              targets.flatMap((target) => years.map((year) => el('tr', {}, el('th', {}, `${target} · ${year}`),
                byRun.map((map) => el('td', { class: 'num' }, map[target + '@' + year] || '—'))))))));
        }

        async function auditPage() {
          const entries = await api('/api/audit');
          fill(main(), el('h1', {}, t('audit')), el('section', {}, el('table', { id: 'audit-table' },
            el('tr', {}, el('th', {}, t('at')), el('th', {}, t('user')), el('th', {}, t('action')), el('th', {}, t('target2')), el('th', {}, t('detail'))),
            entries.map((e) => el('tr', {}, el('td', {}, e.at), el('td', {}, e.user || '—'), el('td', {}, e.action), el('td', {}, e.target), el('td', {}, e.detail || ''))))));
        }

        async function loginPage() {
          const result = el('div', { id: 'login-result' });
          const name = el('input', { id: 'login-name', autocomplete: 'username', required: true });
          const password = el('input', { id: 'login-password', type: 'password', autocomplete: 'current-password', required: true });
          const form = el('form', { id: 'login-form', onsubmit: async (event) => {
            event.preventDefault();
            try {
              await api('/api/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: name.value, password: password.value }) });
              location.href = '/';
            } catch (error) { showError(result, error); }
          } }, el('div', { class: 'row' }, el('label', {}, t('userName') + ' ', name)), el('div', { class: 'row' }, el('label', {}, t('password') + ' ', password)),
            el('div', { class: 'row' }, el('button', { class: 'primary', type: 'submit', id: 'login-button' }, t('signIn'))));
          fill(main(), el('h1', {}, t('signIn')), el('section', {}, form, result));
        }

        async function route() {
          const path = location.pathname.split('/').filter(Boolean).map(decodeURIComponent);
          if (path[0] !== 'login') {
            try { me = await api('/api/me'); window.CSRF = me.csrf || null; } catch (error) { if (error.status === 401) return; }
          }
          header();
          fill(main(), el('p', { class: 'muted' }, t('loading')));
          try {
            if (path[0] === 'login') await loginPage();
            else if (path.length === 0) await scenariosPage();
            else if (path[0] === 'scenarios' && path[1]) await scenarioPage(path[1]);
            else if (path[0] === 'runs' && path[1]) await runPage(path[1]);
            else if (path[0] === 'runs') await runsPage();
            else if (path[0] === 'compare') await comparePage();
            else if (path[0] === 'audit') await auditPage();
          } catch (error) {
            showError(main(), error);
          }
        }
        document.addEventListener('DOMContentLoaded', route);
        """##
}
