import '@fontsource/be-vietnam-pro/400.css';
import '@fontsource/be-vietnam-pro/600.css';
import '@fontsource/be-vietnam-pro/700.css';
import './styles.css';
import { h, render } from 'preact';
import { App } from './app/App';

render(h(App, null), document.getElementById('app')!);
