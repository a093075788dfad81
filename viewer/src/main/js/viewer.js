// Frontier's volume viewer: a small WebGL2 ray caster (maximum-intensity and composite
// rendering of up to 4 channels packed into one RGBA8 3D texture), three orthogonal slice
// planes drawn on 2D canvases, and controls for mode, colormap and per-channel windows.
// Bundled by esbuild into target/classes/frontier/viewer/frontier-viewer.js; the Java side
// (frontier.viewer.ViewHtml) writes the spec as JSON and calls FrontierViewer.mount(root).

const COLORMAPS = {
  gray: [[0, 0, 0, 0], [1, 255, 255, 255]],
  hot: [[0, 0, 0, 0], [0.4, 230, 0, 0], [0.8, 255, 210, 0], [1, 255, 255, 255]],
  viridis: [[0, 68, 1, 84], [0.25, 59, 82, 139], [0.5, 33, 145, 140], [0.75, 94, 201, 98], [1, 253, 231, 37]],
  inferno: [[0, 0, 0, 4], [0.25, 87, 16, 110], [0.5, 188, 55, 84], [0.75, 249, 142, 9], [1, 252, 255, 164]],
};

function colormapLut(name) {
  const stops = COLORMAPS[name] || COLORMAPS.gray;
  const lut = new Uint8Array(256 * 4);
  for (let i = 0; i < 256; i++) {
    const t = i / 255;
    let k = 0;
    while (k < stops.length - 2 && t > stops[k + 1][0]) k++;
    const a = stops[k], b = stops[k + 1];
    const f = Math.min(1, Math.max(0, (t - a[0]) / (b[0] - a[0] || 1)));
    for (let c = 0; c < 3; c++) lut[i * 4 + c] = Math.round(a[c + 1] + f * (b[c + 1] - a[c + 1]));
    lut[i * 4 + 3] = 255;
  }
  return lut;
}

function decodeBase64(s) {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

const VERT = `#version 300 es
in vec2 pos; out vec2 ndc;
void main() { ndc = pos; gl_Position = vec4(pos, 0.0, 1.0); }`;

// Orthographic rays through a box of half-size `half` centred at the origin; texture
// coordinates are box coordinates rescaled to [0,1].
const FRAG = `#version 300 es
precision highp float; precision highp sampler3D;
in vec2 ndc; out vec4 outColor;
uniform sampler3D vol; uniform sampler2D lut;
uniform mat3 rot; uniform vec3 halfExt; uniform float zoom; uniform vec2 pan; uniform float aspect;
uniform int nch; uniform vec4 lo; uniform vec4 hi; uniform vec4 on;
uniform vec3 col0; uniform vec3 col1; uniform vec3 col2; uniform vec3 col3;
uniform int mode; uniform int useLut; uniform float opacity; uniform int steps; uniform int showBox;
vec4 windowed(vec3 p) {
  vec4 s = texture(vol, p);
  return clamp((s - lo) / max(hi - lo, vec4(1e-6)), 0.0, 1.0) * on;
}
// 1 on the box's edges (two faces within a pixel or so), for orientation while rotating
float edge(vec3 p) {
  vec3 d = halfExt - abs(p);
  float e = 0.006 / zoom;
  return (float(d.x < e) + float(d.y < e) + float(d.z < e)) >= 2.0 ? 1.0 : 0.0;
}
vec3 shade(vec4 w) {
  if (useLut == 1) return texture(lut, vec2(max(max(w.r, w.g), max(w.b, w.a)), 0.5)).rgb;
  return col0 * w.r + col1 * w.g + col2 * w.b + col3 * w.a;
}
void main() {
  vec2 s = (ndc * vec2(aspect, 1.0)) / zoom - pan;
  vec3 right = rot * vec3(1.0, 0.0, 0.0), up = rot * vec3(0.0, 1.0, 0.0), fwd = rot * vec3(0.0, 0.0, -1.0);
  vec3 o = right * s.x + up * s.y - fwd * 4.0;
  vec3 inv = 1.0 / fwd;
  vec3 t0 = (-halfExt - o) * inv, t1 = (halfExt - o) * inv;
  vec3 tmin = min(t0, t1), tmax = max(t0, t1);
  float tn = max(max(tmin.x, tmin.y), tmin.z), tf = min(min(tmax.x, tmax.y), tmax.z);
  if (tf <= tn) { outColor = vec4(0.0, 0.0, 0.0, 1.0); return; }
  float dt = (tf - tn) / float(steps);
  vec4 mx = vec4(0.0); vec3 acc = vec3(0.0); float a = 0.0;
  for (int i = 0; i < 2048; i++) {
    if (i >= steps) break;
    vec3 p = o + fwd * (tn + (float(i) + 0.5) * dt);
    vec3 q = p / (2.0 * halfExt);
    vec4 w = windowed(vec3(q.x + 0.5, 0.5 - q.y, q.z + 0.5));
    if (mode == 0) { mx = max(mx, w); }
    else {
      float m = max(max(w.r, w.g), max(w.b, w.a));
      float sa = 1.0 - pow(1.0 - clamp(m * opacity, 0.0, 0.999), dt * 10.0);
      vec3 c = shade(w) / max(m, 1e-6);
      acc += (1.0 - a) * sa * c; a += (1.0 - a) * sa;
      if (a > 0.97) break;
    }
  }
  vec3 rgb = mode == 0 ? shade(mx) : acc;
  if (showBox == 1) rgb += 0.35 * max(edge(o + fwd * tn), edge(o + fwd * tf));
  outColor = vec4(clamp(rgb, 0.0, 1.0), 1.0);
}`;

function mat3FromEuler(yaw, pitch) {
  const cy = Math.cos(yaw), sy = Math.sin(yaw), cp = Math.cos(pitch), sp = Math.sin(pitch);
  // R = Ry(yaw) * Rx(pitch), column-major for WebGL
  return new Float32Array([cy, 0, -sy, sy * sp, cp, cy * sp, sy * cp, -sp, cy * cp]);
}

function el(tag, attrs, parent) {
  const e = document.createElement(tag);
  for (const k in attrs || {}) {
    if (k === 'text') e.textContent = attrs[k];
    else if (k === 'style') e.style.cssText = attrs[k];
    else e.setAttribute(k, attrs[k]);
  }
  if (parent) parent.appendChild(e);
  return e;
}

class Volume3DView {
  constructor(root, spec) {
    this.root = root;
    this.spec = spec;
    const [nx, ny, nz] = spec.dims;
    this.nx = nx; this.ny = ny; this.nz = nz;
    this.channels = spec.channels.slice(0, 4).map((c) => ({
      name: c.name, range: c.range, color: c.color.slice(), lo: c.window[0], hi: c.window[1], on: c.visible !== false,
      data: decodeBase64(c.data),
    }));
    this.state = { yaw: 0, pitch: 0, zoom: 1, pan: [0, 0], mode: spec.mode === 'composite' ? 1 : 0,
      colormap: spec.colormap || 'channels', opacity: 1.0, box: true,
      slice: Volume3DView.brightest(this.channels, nx, ny, nz) };
    this.buildDom();
    this.gl = null;
    try { this.initGl(); } catch (e) { this.glError = String(e && e.message || e); }
    if (!this.gl) this.showNoGl();
    this.drawSlices();
    this.requestRender();
  }

  /** (z, y, x) of the middle one (in C order) of the brightest voxels; the centre when all are equal. */
  static brightest(channels, nx, ny, nz) {
    let best = -1, pick = null, lowest = 256;
    for (const ch of channels) {
      const d = ch.data;
      for (let i = 0; i < d.length; i++) { if (d[i] > best) { best = d[i]; pick = d; } if (d[i] < lowest) lowest = d[i]; }
    }
    if (!pick || best === lowest) return [Math.floor(nz / 2), Math.floor(ny / 2), Math.floor(nx / 2)];
    const hits = [];
    for (let i = 0; i < pick.length; i++) if (pick[i] === best) hits.push(i);
    const at = hits[hits.length >> 1];
    return [Math.floor(at / (nx * ny)), Math.floor(at / nx) % ny, at % nx];
  }

  buildDom() {
    const spec = this.spec;
    const wrap = el('div', { class: 'fv-wrap', style: 'font:12px sans-serif;color:#222;display:flex;flex-wrap:wrap;gap:8px;align-items:flex-start' }, this.root);
    const main = el('div', { style: 'position:relative' }, wrap);
    const size = spec.size || 420;
    this.canvas = el('canvas', { width: size, height: size, class: 'fv-3d', style: `width:${size}px;height:${size}px;background:#000;cursor:grab;touch-action:none` }, main);
    this.canvas.addEventListener('contextmenu', (e) => e.preventDefault());
    el('div', { class: 'fv-label', text: spec.label || '', style: 'position:absolute;left:4px;top:2px;color:#ddd;font-size:11px;pointer-events:none' }, main);
    el('div', { style: 'position:absolute;left:4px;bottom:2px;color:#aaa;font-size:10px;pointer-events:none', text: 'drag: rotate · shift/right-drag: pan · wheel: zoom' }, main);
    const side = el('div', { style: 'display:flex;flex-direction:column;gap:4px' }, wrap);
    const slices = el('div', { style: 'display:flex;gap:4px' }, side);
    const small = Math.max(96, Math.round(size / 3));
    this.sliceCanvases = ['z', 'y', 'x'].map((axis, i) => {
      const box = el('div', { style: 'display:flex;flex-direction:column;align-items:center' }, slices);
      const c = el('canvas', { class: 'fv-slice-' + axis, style: `width:${small}px;height:${small}px;background:#000;image-rendering:pixelated;cursor:crosshair` }, box);
      const dimLen = [this.nz, this.ny, this.nx][i];
      const r = el('input', { type: 'range', min: 0, max: Math.max(0, dimLen - 1), value: this.state.slice[i], style: `width:${small}px` }, box);
      const lab = el('span', { text: '' }, box);
      r.addEventListener('input', () => { this.state.slice[i] = +r.value; this.drawSlices(); });
      c.addEventListener('click', (e) => this.clickSlice(i, c, e));
      return { canvas: c, range: r, label: lab, axis };
    });
    const ctl = el('div', { style: 'display:flex;flex-wrap:wrap;gap:6px;align-items:center' }, side);
    el('span', { text: 'render' }, ctl);
    const mode = el('select', { class: 'fv-mode' }, ctl);
    for (const [v, t] of [[0, 'maximum intensity'], [1, 'composite (alpha)']]) el('option', { value: v, text: t }, mode);
    mode.value = this.state.mode;
    mode.addEventListener('change', () => { this.state.mode = +mode.value; this.requestRender(); });
    el('span', { text: 'colormap' }, ctl);
    const cm = el('select', { class: 'fv-colormap' }, ctl);
    for (const v of ['channels', 'gray', 'hot', 'viridis', 'inferno']) el('option', { value: v, text: v }, cm);
    cm.value = this.state.colormap;
    cm.addEventListener('change', () => { this.state.colormap = cm.value; this.uploadLut(); this.requestRender(); this.drawSlices(); });
    el('span', { text: 'opacity' }, ctl);
    const op = el('input', { type: 'range', min: 1, max: 100, value: 50, style: 'width:70px' }, ctl);
    this.state.opacity = 0.5 * 2;
    op.addEventListener('input', () => { this.state.opacity = +op.value / 50; this.requestRender(); });
    const boxLabel = el('label', {}, ctl);
    const box = el('input', { type: 'checkbox', class: 'fv-box' }, boxLabel);
    box.checked = true;
    boxLabel.appendChild(document.createTextNode(' box'));
    box.addEventListener('change', () => { this.state.box = box.checked; this.requestRender(); });
    const reset = el('button', { text: 'reset view' }, ctl);
    reset.addEventListener('click', () => { Object.assign(this.state, { yaw: 0, pitch: 0, zoom: 1, pan: [0, 0] }); this.requestRender(); });
    const chBox = el('div', { style: 'display:flex;flex-direction:column;gap:2px' }, side);
    this.channels.forEach((ch, i) => {
      const range = ch.range || [0, 255];
      const toData = (v) => (range[0] + (v / 255) * (range[1] - range[0]));
      const fmt = (v) => { const d = toData(v); return Math.abs(d) >= 1000 || Number.isInteger(d) ? d.toFixed(0) : d.toPrecision(4); };
      const row = el('div', { style: 'display:flex;gap:4px;align-items:center' }, chBox);
      const cb = el('input', { type: 'checkbox' }, row); cb.checked = ch.on;
      cb.addEventListener('change', () => { ch.on = cb.checked; this.requestRender(); this.drawSlices(); });
      const hex = '#' + ch.color.map((v) => Math.round(v * 255).toString(16).padStart(2, '0')).join('');
      const colIn = el('input', { type: 'color', value: hex, style: 'width:24px;height:18px;padding:0;border:0' }, row);
      colIn.addEventListener('input', () => {
        const h = colIn.value; ch.color = [1, 3, 5].map((k) => parseInt(h.substr(k, 2), 16) / 255);
        this.requestRender(); this.drawSlices();
      });
      el('span', { text: ch.name, style: 'min-width:60px' }, row);
      // window as level (centre) and width, in the data's units
      // slider ranges cover the data (0..255) and the initial window, which may reach past it
      const lvl = el('input', { type: 'range', min: Math.min(0, Math.floor(ch.lo)), max: Math.max(255, Math.ceil(ch.hi)), step: 0.5, title: 'level', style: 'width:80px' }, row);
      const wid = el('input', { type: 'range', min: 1, max: Math.max(510, Math.ceil(ch.hi - ch.lo)), step: 0.5, title: 'width', style: 'width:80px' }, row);
      lvl.value = (ch.lo + ch.hi) / 2; wid.value = Math.max(1, ch.hi - ch.lo);
      const txt = el('span', { class: 'fv-window' }, row);
      const show = () => { txt.textContent = `window ${fmt(ch.lo)}–${fmt(ch.hi)}`; };
      const upd = () => { const c = +lvl.value, w = +wid.value; ch.lo = c - w / 2; ch.hi = c + w / 2; show(); this.requestRender(); this.drawSlices(); };
      lvl.addEventListener('input', upd); wid.addEventListener('input', upd);
      show();
    });
    if (spec.channelsOmitted) el('div', { text: spec.channelsOmitted, style: 'color:#a60' }, chBox);
    if (spec.note) el('div', { class: 'fv-note', text: spec.note, style: 'color:#555;max-width:420px' }, side);
    this.status = el('div', { class: 'fv-status', style: 'color:#a00' }, side);
    this.bindMouse();
  }

  bindMouse() {
    const c = this.canvas;
    let drag = null;
    c.addEventListener('pointerdown', (e) => {
      drag = { x: e.clientX, y: e.clientY, pan: e.shiftKey || e.button === 2 || e.button === 1 };
      c.setPointerCapture && c.setPointerCapture(e.pointerId);
      c.style.cursor = 'grabbing';
    });
    c.addEventListener('pointermove', (e) => {
      if (!drag) return;
      const dx = e.clientX - drag.x, dy = e.clientY - drag.y;
      drag.x = e.clientX; drag.y = e.clientY;
      const s = this.state;
      if (drag.pan) {
        const k = 2 / (c.clientHeight * s.zoom);
        s.pan = [s.pan[0] - dx * k, s.pan[1] + dy * k];
      } else {
        s.yaw += dx * 0.01;
        s.pitch = Math.max(-1.55, Math.min(1.55, s.pitch + dy * 0.01));
      }
      this.requestInteractiveRender();
    });
    const up = () => { drag = null; c.style.cursor = 'grab'; };
    c.addEventListener('pointerup', up);
    c.addEventListener('pointercancel', up);
    c.addEventListener('wheel', (e) => {
      e.preventDefault();
      this.state.zoom = Math.max(0.2, Math.min(20, this.state.zoom * Math.exp(-e.deltaY * 0.001)));
      this.requestInteractiveRender();
    }, { passive: false });
  }

  initGl() {
    const gl = this.canvas.getContext('webgl2', { preserveDrawingBuffer: true, antialias: false });
    if (!gl) { this.glError = 'this browser offers no WebGL2'; return; }
    const prog = gl.createProgram();
    for (const [type, src] of [[gl.VERTEX_SHADER, VERT], [gl.FRAGMENT_SHADER, FRAG]]) {
      const sh = gl.createShader(type);
      gl.shaderSource(sh, src); gl.compileShader(sh);
      if (!gl.getShaderParameter(sh, gl.COMPILE_STATUS)) throw new Error('shader: ' + gl.getShaderInfoLog(sh));
      gl.attachShader(prog, sh);
    }
    gl.linkProgram(prog);
    if (!gl.getProgramParameter(prog, gl.LINK_STATUS)) throw new Error('link: ' + gl.getProgramInfoLog(prog));
    gl.useProgram(prog);
    const buf = gl.createBuffer();
    gl.bindBuffer(gl.ARRAY_BUFFER, buf);
    gl.bufferData(gl.ARRAY_BUFFER, new Float32Array([-1, -1, 1, -1, -1, 1, 1, 1]), gl.STATIC_DRAW);
    const loc = gl.getAttribLocation(prog, 'pos');
    gl.enableVertexAttribArray(loc);
    gl.vertexAttribPointer(loc, 2, gl.FLOAT, false, 0, 0);
    const max3d = gl.getParameter(gl.MAX_3D_TEXTURE_SIZE);
    if (this.nx > max3d || this.ny > max3d || this.nz > max3d) throw new Error(`volume ${this.nx}x${this.ny}x${this.nz} exceeds this GPU's 3D texture limit ${max3d}`);
    const n = this.nx * this.ny * this.nz;
    const rgba = new Uint8Array(n * 4);
    this.channels.forEach((ch, c) => { const d = ch.data; for (let i = 0; i < n; i++) rgba[i * 4 + c] = d[i]; });
    const tex = gl.createTexture();
    gl.activeTexture(gl.TEXTURE0);
    gl.bindTexture(gl.TEXTURE_3D, tex);
    gl.pixelStorei(gl.UNPACK_ALIGNMENT, 1);
    gl.texImage3D(gl.TEXTURE_3D, 0, gl.RGBA8, this.nx, this.ny, this.nz, 0, gl.RGBA, gl.UNSIGNED_BYTE, rgba);
    for (const p of [gl.TEXTURE_WRAP_S, gl.TEXTURE_WRAP_T, gl.TEXTURE_WRAP_R]) gl.texParameteri(gl.TEXTURE_3D, p, gl.CLAMP_TO_EDGE);
    gl.texParameteri(gl.TEXTURE_3D, gl.TEXTURE_MIN_FILTER, gl.LINEAR);
    gl.texParameteri(gl.TEXTURE_3D, gl.TEXTURE_MAG_FILTER, gl.LINEAR);
    this.lutTex = gl.createTexture();
    this.gl = gl; this.prog = prog;
    this.uploadLut();
    const u = {};
    for (const name of ['vol', 'lut', 'rot', 'halfExt', 'zoom', 'pan', 'aspect', 'nch', 'lo', 'hi', 'on', 'col0', 'col1', 'col2', 'col3', 'mode', 'useLut', 'opacity', 'steps', 'showBox']) u[name] = gl.getUniformLocation(prog, name);
    this.u = u;
    gl.uniform1i(u.vol, 0); gl.uniform1i(u.lut, 1);
    // physical extent: voxel counts times spacing, largest side 1
    const sp = this.spec.spacing || [1, 1, 1];
    const ext = [this.nx * sp[0], this.ny * sp[1], this.nz * sp[2]];
    const m = Math.max(...ext) || 1;
    this.half = ext.map((e) => Math.max(e / m, 1e-3) * 0.5 * 1.2);
    this.steps = Math.min(1024, Math.max(64, Math.round(1.8 * Math.max(this.nx, this.ny, this.nz))));
  }

  uploadLut() {
    const gl = this.gl;
    if (!gl) return;
    gl.activeTexture(gl.TEXTURE1);
    gl.bindTexture(gl.TEXTURE_2D, this.lutTex);
    gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA8, 256, 1, 0, gl.RGBA, gl.UNSIGNED_BYTE, colormapLut(this.state.colormap));
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.LINEAR);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
    gl.activeTexture(gl.TEXTURE0);
  }

  showNoGl() {
    this.canvas.style.display = 'none';
    const outer = this.root.closest('.frontier-view') || this.root.parentNode;
    const png = outer && outer.querySelector('.fv-fallback img');
    const parent = this.canvas.parentNode;
    if (png) { const img = png.cloneNode(true); img.removeAttribute('id'); img.style.display = ''; parent.insertBefore(img, this.canvas); }
    this.status.textContent = 'No 3D rendering (' + (this.glError || 'WebGL2 unavailable') + '); showing the static maximum-intensity projection. The slice planes still work.';
  }

  /** During a drag or zoom: quick frames with fewer samples, then one full frame at rest. */
  requestInteractiveRender() {
    this.quick = true;
    clearTimeout(this.restTimer);
    this.restTimer = setTimeout(() => { this.quick = false; this.requestRender(); }, 200);
    this.requestRender();
  }

  requestRender() {
    if (!this.gl || this.pending) return;
    this.pending = true;
    requestAnimationFrame(() => { this.pending = false; this.render(); });
  }

  render() {
    const gl = this.gl, u = this.u, s = this.state;
    gl.viewport(0, 0, this.canvas.width, this.canvas.height);
    gl.uniformMatrix3fv(u.rot, false, mat3FromEuler(s.yaw, s.pitch));
    gl.uniform3fv(u.halfExt, this.half);
    gl.uniform1f(u.zoom, s.zoom);
    gl.uniform2fv(u.pan, s.pan);
    gl.uniform1f(u.aspect, this.canvas.width / this.canvas.height);
    const lo = [0, 0, 0, 0], hi = [1, 1, 1, 1], on = [0, 0, 0, 0];
    const cols = [[0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0]];
    this.channels.forEach((ch, i) => { lo[i] = ch.lo / 255; hi[i] = ch.hi / 255; on[i] = ch.on ? 1 : 0; cols[i] = ch.color; });
    gl.uniform4fv(u.lo, lo); gl.uniform4fv(u.hi, hi); gl.uniform4fv(u.on, on);
    cols.forEach((c, i) => gl.uniform3fv(u['col' + i], c));
    gl.uniform1i(u.nch, this.channels.length);
    gl.uniform1i(u.mode, s.mode);
    gl.uniform1i(u.useLut, s.colormap === 'channels' ? 0 : 1);
    gl.uniform1f(u.opacity, s.opacity);
    gl.uniform1i(u.showBox, s.box ? 1 : 0);
    gl.uniform1i(u.steps, this.quick ? Math.max(32, this.steps >> 2) : this.steps);
    gl.drawArrays(gl.TRIANGLE_STRIP, 0, 4);
    const outer = this.root.closest('.frontier-view') || this.root;
    outer.setAttribute('data-rendered', String((+outer.getAttribute('data-rendered') || 0) + 1));
  }

  clickSlice(i, canvas, e) {
    const r = canvas.getBoundingClientRect();
    const fx = (e.clientX - r.left) / r.width, fy = (e.clientY - r.top) / r.height;
    const s = this.state.slice;
    // panel z shows (y down, x right); panel y shows (z down, x right); panel x shows (z down, y right)
    const clampi = (v, n) => Math.max(0, Math.min(n - 1, Math.floor(v * n)));
    if (i === 0) { s[1] = clampi(fy, this.ny); s[2] = clampi(fx, this.nx); }
    if (i === 1) { s[0] = clampi(fy, this.nz); s[2] = clampi(fx, this.nx); }
    if (i === 2) { s[0] = clampi(fy, this.nz); s[1] = clampi(fx, this.ny); }
    this.sliceCanvases.forEach((sc, k) => { sc.range.value = s[k]; });
    this.drawSlices();
  }

  drawSlices() {
    const lut = this.state.colormap === 'channels' ? null : colormapLut(this.state.colormap);
    const { nx, ny, nz } = this;
    const s = this.state.slice;
    const names = ['z', 'y', 'x'];
    this.sliceCanvases.forEach((sc, i) => {
      const w = i === 2 ? ny : nx, h = i === 0 ? ny : nz;
      const c = sc.canvas;
      if (c.width !== w || c.height !== h) { c.width = w; c.height = h; }
      const ctx = c.getContext('2d');
      const img = ctx.createImageData(w, h);
      const px = img.data;
      for (let row = 0; row < h; row++) {
        for (let col = 0; col < w; col++) {
          let z, y, x;
          if (i === 0) { z = s[0]; y = row; x = col; } else if (i === 1) { z = row; y = s[1]; x = col; } else { z = row; y = col; x = s[2]; }
          const idx = (z * ny + y) * nx + x;
          let r = 0, g = 0, b = 0, m = 0;
          for (const ch of this.channels) {
            if (!ch.on) continue;
            const v = Math.min(1, Math.max(0, (ch.data[idx] - ch.lo) / Math.max(1e-6, ch.hi - ch.lo)));
            r += ch.color[0] * v; g += ch.color[1] * v; b += ch.color[2] * v; m = Math.max(m, v);
          }
          const o = (row * w + col) * 4;
          if (lut) { const k = Math.round(m * 255) * 4; px[o] = lut[k]; px[o + 1] = lut[k + 1]; px[o + 2] = lut[k + 2]; } else {
            px[o] = Math.min(255, r * 255); px[o + 1] = Math.min(255, g * 255); px[o + 2] = Math.min(255, b * 255);
          }
          px[o + 3] = 255;
        }
      }
      ctx.putImageData(img, 0, 0);
      sc.label.textContent = `${names[i]} = ${s[i]}`;
    });
  }
}

function mount(root) {
  if (!root || root.getAttribute('data-mounted')) return;
  root.setAttribute('data-mounted', '1');
  const specEl = root.querySelector('script[type="application/json"]');
  try {
    const spec = JSON.parse(specEl.textContent);
    const fallback = root.querySelector('.fv-fallback');
    if (fallback) fallback.style.display = 'none';
    const host = root.querySelector('.fv-host') || root;
    root.viewer = new Volume3DView(host, spec);
  } catch (e) {
    root.setAttribute('data-error', String(e && e.message || e));
    const msg = root.querySelector('.fv-message');
    if (msg) msg.textContent = 'The 3D view failed: ' + (e && e.message || e) + '. The static projection is shown instead.';
    const fallback = root.querySelector('.fv-fallback');
    if (fallback) fallback.style.display = '';
  }
}

// Views whose HTML arrived before this bundle register themselves in a queue.
const api = { mount, version: 1, colormapLut };
const byRef = (r) => (typeof r === 'string' ? document.getElementById(r) : r);
const queued = Array.isArray(window.FrontierViewerQueue) ? window.FrontierViewerQueue : [];
window.FrontierViewer = api;
window.FrontierViewerQueue = { push: (r) => mount(byRef(r)) };
for (const r of queued) mount(byRef(r));
